using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary>A port's manifest screened in the background: queued, run, and its results downloaded by the agency that sent it.</summary>
public sealed class BatchScreeningTests(NodePerDatabase nodes) : IClassFixture<NodePerDatabase>
{
    private const string Header = "query_id,rank,alert_ref,score,band,explanation,evidence_for,evidence_against";

    /// <summary>Made-up names that sound like no listed person.</summary>
    private static readonly string[] Given = ["Wenceslao", "Eustaquio", "Filiberta", "Casimira", "Ulrike", "Thaddeus", "Ingeborg", "Oluwaseun", "Xochiquetzal"];
    private static readonly string[] Family = ["Kowalczyk", "Thorvaldsen", "Abernathy", "Nakashima", "Oyelaran", "Brzezinski", "Quackenbush", "Vanderpool", "Szczepanski"];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_CSV_manifest_is_screened_in_the_background_and_its_results_downloaded(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var zambada = await node.PublishAsync(AnAlert.Person().Named("Ismael", "Zambada García", new PartialDate(1948, 1, 1)), ct);
        var arellano = await node.PublishAsync(AnAlert.Person().Named("Benjamín", "Arellano Félix", new PartialDate(1952, 3, 12)), ct);
        var hidden = await node.PublishAsync(AnAlert.Person().Named("Osiel", "Cárdenas Guillén", new PartialDate(1967, 5, 18))
            .WithMarkings(m => m with { ReleasableTo = [] }), ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var csv = new StringBuilder("id,name,dob,nationality,sex,document,kind\n");
        for (var i = 1; i <= 47; i++)
            csv.Append(FormattableString.Invariant($"row-{i},{Given[i % Given.Length]} {Family[i * 7 % Family.Length]},19{50 + i},,,,\n"));
        csv.Append("zambada,\"ZAMBADA GARCIA, Ismael\",1948-01-01,MEX,M,,person\n");
        csv.Append("arellano,Benjamin Arellano,,Mexico,,,\n");
        csv.Append("cardenas,Osiel Cárdenas Guillén,1967-05-18,MX,M,,\n");

        using var submitted = await officer.PostAsync(Screenings.Batch, new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"), ct);
        var body = await submitted.Content.ReadAsStringAsync(ct);
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, $"{(int)submitted.StatusCode}: {body}");
        var queued = PerimeterJson.Deserialize<BatchJobView>(body);
        var job = await node.RunBatchAsync(officer, submitted.Headers.Location!, ct);
        using var download = await officer.GetAsync(job.ResultsUrl, ct);
        var results = await download.Content.ReadAsStringAsync(ct);

        Assert.Equal($"/api/v1/screen/batch/{queued.Id}", submitted.Headers.Location!.OriginalString);
        Assert.Equal((BatchStatus.Queued, 50), (queued.Status, queued.Total));
        Assert.Equal((BatchStatus.Done, 50, 50, 2), (job.Status, job.Total, job.Done, job.WithCandidates));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var lines = results.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Header, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',', 6)).ToList();
        Assert.Equal(["arellano", "zambada"], rows.Select(r => r[0]).Distinct().Order());
        var first = rows.First(r => r[0] == "zambada");
        Assert.Equal(("1", zambada.Id.ToString(), "strong"), (first[1], first[2], first[4]));
        Assert.Equal(["1", arellano.Id.ToString()], rows.First(r => r[0] == "arellano")[1..3]);
        Assert.DoesNotContain(hidden.Id.ToString(), results, StringComparison.Ordinal);
        Assert.Contains("zambada=zambada (exact)", first[5], StringComparison.Ordinal);
        // The same writer as perimeter screen: the evidence follows the explanation.
        Assert.Contains("zambada → zambada (exact)", first[5], StringComparison.Ordinal);
        Assert.Single(await node.AuditAsync(AuditAction.Export, queued.Id, ct));
        Assert.Single(await node.AuditAsync(AuditAction.BatchQueued, queued.Id, ct));
        Assert.DoesNotContain(hidden.Id.ToString(), Assert.Single(await node.AuditAsync(AuditAction.Screen, queued.Id, ct)).TargetIds!, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_JSON_manifest_is_screened_like_a_CSV_one(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var alert = await node.PublishAsync(AnAlert.Person().Named("Eduardo", "Arellano Félix", new PartialDate(1956, 10, 11)), ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        BatchRow[] rows = [new("q1", "ARELLANO FELIX EDUARDO", Dob: "1956-10-11", Nationality: "México"), new("q2", "Thaddeus Quackenbush")];

        using var submitted = await officer.PostAsJsonAsync(Screenings.Batch, rows, PerimeterJson.Options, ct);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var job = await node.RunBatchAsync(officer, submitted.Headers.Location!, ct);
        var results = await officer.GetStringAsync(job.ResultsUrl, ct);

        Assert.Equal((2, 2, 1), (job.Total, job.Done, job.WithCandidates));
        Assert.StartsWith($"{Header}\nq1,1,{alert.Id},", results.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("\nq2,", results.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Another_agency_can_neither_follow_nor_download_a_batch(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        using var stranger = await node.ClientAsync("gt.pnc", Role.Officer, ct, Purposes.CounterNarcotics);
        using var submitted = await officer.PostAsync(Screenings.Batch, new StringContent("id,name\n1,Joaquín Guzmán Loera\n", Encoding.UTF8, "text/csv"), ct);
        var job = await node.RunBatchAsync(officer, submitted.Headers.Location!, ct);

        var status = await stranger.GetAsync(submitted.Headers.Location, ct);
        var results = await stranger.GetAsync(job.ResultsUrl, ct);

        await Accounts.AssertProblemAsync(status, HttpStatusCode.NotFound, ct);
        await Accounts.AssertProblemAsync(results, HttpStatusCode.NotFound, ct);
        Assert.Empty(await node.AuditAsync(AuditAction.Export, job.Id, ct));
    }

    [Theory]
    [InlineData("id,name,dob,passport\n1,Joaquín Guzmán,1957,X1\n", "batch.csv:1:", "passport")]
    [InlineData("id,name,dob\n1,Joaquín Guzmán,1957\n2,Ismael Zambada,1948-02-30\n", "batch.csv:3:", "dob")]
    [InlineData("id,name,dob\n1,Joaquín Guzmán,1957\n2,Ismael Zambada\n", "batch.csv:3:", "fields")]
    [InlineData("id,name,dob\n1,Joaquín Guzmán,1957,MX\n", "batch.csv:2:", "fields")]
    [InlineData("name,dob\nJoaquín Guzmán,1957\n", "batch.csv:1:", "id")]
    [InlineData("id,name,nationality\n1,Joaquín Guzmán,Atlantis\n", "batch.csv:2:", "Atlantis")]
    [InlineData("id,name,kind,document\n1,Joaquín Guzmán,99,ABC123\n", "batch.csv:2:", "kind")]
    [InlineData("id,name,kind\n1,Joaquín Guzmán,2\n", "batch.csv:2:", "kind")]
    [InlineData("", "batch.csv:1:", "header")]
    public async Task A_malformed_manifest_is_refused_naming_the_line_and_nothing_is_queued(string csv, string line, string word)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var queuedBefore = (await node.AuditAsync(AuditAction.BatchQueued, null, ct)).Count;

        var response = await officer.PostAsync(Screenings.Batch, new StringContent(csv, Encoding.UTF8, "text/csv"), ct);

        var message = Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("body"));
        Assert.Contains(line, message, StringComparison.Ordinal);
        Assert.Contains(word, message[message.IndexOf(line, StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Equal(queuedBefore, (await node.AuditAsync(AuditAction.BatchQueued, null, ct)).Count);
    }

    [Fact]
    public async Task A_malformed_manifest_is_explained_in_the_callers_language()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        officer.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));

        var response = await officer.PostAsync(Screenings.Batch,
            new StringContent("id,name,nationality,sex\n1,Joaquín Guzmán,Atlantis,X\n1,Ismael Zambada,MX,M\n", Encoding.UTF8, "text/csv"), ct);

        var messages = (await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("body");
        Assert.Contains(messages, m => m.EndsWith("batch.csv:2: nationality: país desconocido \"Atlantis\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith("batch.csv:2: sex: \"X\" no es M, F ni U", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("id,name\n1,\"Joaquín Guzmán\n", "batch.csv:2: comillas sin cerrar: el campo entre comillas que se abre en la línea 2 nunca se cierra")]
    [InlineData("id,name\n1,\"Joaquín\" Guzmán\n", "batch.csv:2: texto tras la comilla que cierra un campo (una comilla dentro de un campo se escribe dos veces: \"\")")]
    [InlineData("id,name\n1,Joaquín \"El Chapo\" Guzmán\n", "batch.csv:2: una comilla dentro de un campo sin comillas (ponga el campo entero entre comillas y escriba la comilla dos veces: \"\")")]
    public async Task A_manifest_with_a_quoting_mistake_is_explained_in_the_callers_language(string csv, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        officer.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));

        var response = await officer.PostAsync(Screenings.Batch, new StringContent(csv, Encoding.UTF8, "text/csv"), ct);

        var message = Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("body"));
        Assert.EndsWith(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,name,dob\n", "text/csv")]
    [InlineData("[]", "application/json")]
    public async Task A_manifest_with_a_header_and_no_rows_is_refused_and_no_job_is_queued(string manifest, string contentType)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        officer.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        await using var db = node.Database.Open();
        var jobsBefore = await db.Set<BatchJob>().CountAsync(ct);

        var response = await officer.PostAsync(Screenings.Batch, new StringContent(manifest, Encoding.UTF8, contentType), ct);

        var message = Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("body"));
        Assert.EndsWith("batch.csv:2: un encabezado pero ninguna fila que cotejar", message, StringComparison.Ordinal);
        Assert.Equal(jobsBefore, await db.Set<BatchJob>().CountAsync(ct));
    }

    [Fact]
    public async Task A_JSON_manifest_with_a_missing_row_is_refused_naming_the_row()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);

        var response = await officer.PostAsync(Screenings.Batch,
            new StringContent("""[{"id": "q1", "name": "Joaquín Guzmán"}, null]""", Encoding.UTF8, "application/json"), ct);

        Assert.NotEmpty((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("body[1]"));
    }
}

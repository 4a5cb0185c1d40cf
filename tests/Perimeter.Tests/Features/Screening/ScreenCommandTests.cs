using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Audit;
using Perimeter.Features.Imports;
using Perimeter.Tests.Cli;
using Perimeter.Tests.Features.Imports;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary><c>perimeter screen</c> run as a separate process, as a port runs its manifest or an analyst a list.</summary>
public sealed class ScreenCommandTests : IDisposable
{
    private const string Header = "query_id,rank,alert_ref,score,band,explanation,evidence_for,evidence_against";
    private const string Guzman = "ofac:6861";

    private readonly string _folder = Directory.CreateTempSubdirectory("perimeter-screen-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_manifest_screened_against_the_OFAC_files_ranks_Guzman_first_whatever_the_name_and_country_layout()
    {
        var ct = TestContext.Current.CancellationToken;
        var input = Write("manifest.csv", """
            id,name,dob,nationality,sex,document,kind
            given-first,Joaquín Guzmán Loera,1954-12-25,MX,M,,
            surnames-comma,"GUZMAN LOERA, Joaquin",1954,MEX,,,
            surnames-first,GUZMAN LOERA JOAQUIN,,Mexico,,,person
            spanish-country,Joaquin Guzman Loera,1954-12,México,H,,
            nobody,Wenceslao Quackenbush,,,,,
            """);

        var result = await ScreenAsync(input, ["--watchlist", $"ofac:{SharedData.Ofac}", "--top", "2"], ct);

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = Rows(result);
        Assert.Equal(["given-first", "surnames-comma", "surnames-first", "spanish-country"], rows.Select(r => r.QueryId).Distinct());
        foreach (var query in rows.GroupBy(r => r.QueryId))
        {
            Assert.Equal((Guzman, "1"), (query.First().AlertRef, query.First().Rank));
            // Strong needs a date of birth beside the name (its year, with the whole name, is enough); without one it stays possible.
            Assert.Equal(query.Key is "surnames-first" ? "possible" : "strong", query.First().Band);
            Assert.InRange(query.Count(), 1, 2);
            Assert.Equal(query.Select(r => r.Score).OrderDescending(), query.Select(r => r.Score));
            Assert.All(query, r => Assert.InRange(r.Score, 0.5, 1.0));
        }
        Assert.Contains("guzman=guzman (exact)", rows[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("dob: exact", rows[0].Explanation, StringComparison.Ordinal);
        Assert.Contains("guzman → guzman (exact)", rows[0].EvidenceFor, StringComparison.Ordinal);
        Assert.Contains("Date of birth: exact", rows[0].EvidenceFor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_evidence_is_written_in_the_operators_language_and_the_explanation_in_English()
    {
        var ct = TestContext.Current.CancellationToken;
        var input = Write("manifest.csv", """
            id,name,dob
            chapo,Joaquín Guzmán Loera,1954-12-25
            """);

        var result = await PerimeterProcess.RunAsync(
            ["screen", "--input", input, "--output", Output, "--watchlist", $"ofac:{SharedData.Ofac}", "--top", "1"], ct,
            new Dictionary<string, string> { ["LC_ALL"] = "es_MX.UTF-8", ["LANG"] = "es_MX.UTF-8" });

        Assert.True(result.ExitCode == 0, result.Error);
        var row = Assert.Single(Rows(result));
        Assert.Contains("dob: exact", row.Explanation, StringComparison.Ordinal);
        Assert.Contains("guzman → guzman (exacto)", row.EvidenceFor, StringComparison.Ordinal);
        Assert.Contains("Fecha de nacimiento: exacta", row.EvidenceFor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Namesakes_born_a_generation_later_get_no_alert_against_the_OFAC_files()
    {
        var ct = TestContext.Current.CancellationToken;
        var input = Write("manifest.csv", """
            id,name,dob
            guzman-salazar,Joaquín Guzmán Salazar,1981-06-02
            zambada-ortiz,Ismael Zambada Ortiz,1985-03-03
            guzman-loera,Joaquín Guzmán Loera,1954-12-25
            """);

        var result = await ScreenAsync(input, ["--watchlist", $"ofac:{SharedData.Ofac}"], ct);

        Assert.True(result.ExitCode == 0, result.Error);
        var rows = Rows(result);
        Assert.DoesNotContain(rows, r => r.QueryId is "guzman-salazar" or "zambada-ortiz");
        Assert.Contains(rows, r => (r.QueryId, r.Rank, r.AlertRef) == ("guzman-loera", "1", Guzman));
    }

    [Fact]
    public async Task A_manifest_screened_against_an_alerts_file_names_each_alert_by_its_reference()
    {
        var ct = TestContext.Current.CancellationToken;
        var input = Write("manifest.csv", """
            id,name,dob,nationality,sex,document,kind
            person,"NUÑEZ PEÑA, Jose Maria",1979-04-12,MX,M,,
            plate,,,,,abc 1234,vehicle
            vin,,,,,1FTFW1ET5DFC10312,vehicle
            firearm,,,,,abc-123456,firearm
            company,Transportes del Norte SA de CV,,,,,organization
            passport,,,,,passport:X1234567:US,document
            """);

        var result = await ScreenAsync(input, ["--watchlist", $"csv:{Path.Combine(SharedData.Examples, "alerts.csv")}"], ct);

        Assert.True(result.ExitCode == 0, result.Error);
        var first = Rows(result).Where(r => r.Rank == "1").ToDictionary(r => r.QueryId, r => r.AlertRef);
        Assert.Equal(new Dictionary<string, string>
        {
            ["person"] = "case-2026-0042",
            ["plate"] = "case-2026-0044",
            ["vin"] = "case-2026-0044",
            ["firearm"] = "case-2026-0046",
            ["company"] = "case-2026-0043",
            ["passport"] = "case-2026-0047",
        }, first);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Against_the_nodes_own_alerts_it_acts_as_a_named_agency_role_and_purpose_and_audits_what_it_returned(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        var node = PerimeterProcess.NodeOptions(test, Path.Combine(_folder, "node"));
        var import = await PerimeterProcess.RunAsync(["import", "ofac", OfacSlice(Guzman, "ofac:41897"), .. node], ct);
        Assert.True(import.ExitCode == 0, import.Error);
        var header = File.ReadLines(Path.Combine(SharedData.Examples, "alerts.csv")).First();
        var columns = header.Split(',');
        string Row(string reference, string tlp, string releasableTo, string handling) =>
            string.Join(',', columns.Select(c => c switch
            {
                "external_ref" => reference, "kind" => "person", "category" => "wanted-for-arrest", "action_on_hit" => "detain", "tlp" => tlp,
                "releasable_to" => releasableTo, "handling" => handling, "source_reliability" => "B", "information_credibility" => "2",
                "purposes" => "counter-narcotics", "given_names" => "Eustaquio", "surnames" => "Thorvaldsen Abernathy", "dates_of_birth" => "1962-10-16", _ => "",
            }));
        var alerts = Write("alerts.csv", string.Join('\n', header, Row("released", "AMBER", "mx.inm", "third-party-rule"),
            Row("red", "RED", "mx.inm", "third-party-rule"), Row("elsewhere", "AMBER", "gt.igm", "no-further-dissemination")));
        Assert.Equal(0, (await PerimeterProcess.RunAsync(["import", "alerts", alerts, .. node], ct)).ExitCode);
        var input = Write("manifest.csv", """
            id,name,dob
            carrillo,Eustaquio Thorvaldsen Abernathy,1962-10-16
            chapo,"GUZMAN LOERA, Joaquin",1954-12-25
            nobody,Wenceslao Quackenbush,
            """);

        var unnamed = await ScreenAsync(input, [.. node, "--top", "5"], ct);
        var noPurpose = await ScreenAsync(input, [.. node, "--agency", "mx.inm", "--role", "officer"], ct);
        var auditorRole = await ScreenAsync(input, [.. node, "--agency", "mx.inm", "--role", "auditor", "--purpose", "counter-narcotics"], ct);
        var partner = await ScreenAsync(input, [.. node, "--agency", "mx.inm", "--role", "officer", "--purpose", "counter-narcotics", "--top", "5"], ct);
        var partnerRows = Rows(partner);
        var originator = await ScreenAsync(input, [.. node, "--agency", "us.cbp", "--role", "analyst", "--purpose", "counter-narcotics", "--top", "5"], ct);
        var originatorRows = Rows(originator);
        var sanctions = await ScreenAsync(input, [.. node, "--agency", "mx.inm", "--role", "officer", "--purpose", "sanctions", "--top", "5"], ct);
        var sanctionsRows = Rows(sanctions);

        foreach (var refused in new[] { unnamed, noPurpose, auditorRole })
        {
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("--agency, --role (officer, analyst or supervisor) and --purpose", Assert.Single(refused.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        }
        await using var db = test.Open();
        var ids = await db.Alerts.AsNoTracking().Where(a => a.ExternalRef == "released" || a.ExternalRef == "red" || a.ExternalRef == "elsewhere")
            .ToDictionaryAsync(a => a.ExternalRef!, a => a.Id.ToString(), ct);
        Assert.True(partner.ExitCode == 0, partner.Error);
        Assert.Equal([ids["released"]], partnerRows.Where(r => r.QueryId == "carrillo").Select(r => r.AlertRef));
        // OFAC's entries allow counter-narcotics too, and are released to everyone.
        Assert.Equal(Guzman, partnerRows.First(r => r.QueryId == "chapo").AlertRef);
        Assert.Equal(ids.Values.Order(), originatorRows.Where(r => r.QueryId == "carrillo").Select(r => r.AlertRef).Order());
        Assert.DoesNotContain(sanctionsRows, r => r.QueryId == "carrillo");
        var screenings = await db.AuditRecords.AsNoTracking().Where(r => r.Action == AuditAction.Screen).OrderBy(r => r.Sequence).ToListAsync(ct);
        Assert.Equal(3, screenings.Count);
        Assert.Equal(("mx.inm", "Officer", "counter-narcotics"), (screenings[0].Agency, screenings[0].Roles, screenings[0].Purpose));
        Assert.Contains(ids["released"], screenings[0].TargetIds!, StringComparison.Ordinal);
        Assert.DoesNotContain(ids["red"], screenings[0].TargetIds!, StringComparison.Ordinal);
        Assert.DoesNotContain(ids["elsewhere"], screenings[0].TargetIds!, StringComparison.Ordinal);
        Assert.All(ids.Values, id => Assert.Contains(id, screenings[1].TargetIds!, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("id,name,dob\nq1,Joaquín Guzmán,1957\nq2,Ismael Zambada,1948-02-30\n", "manifest.csv:3:")]
    [InlineData("id,name,dob\nq1,Joaquín Guzmán,1957\nq2,Ismael Zambada\n", "manifest.csv:3:")]
    [InlineData("id,name,passport\nq1,Joaquín Guzmán,X1\n", "manifest.csv:1:")]
    [InlineData("id,name,nationality\nq1,Joaquín Guzmán,Atlantis\n", "manifest.csv:2:")]
    [InlineData("id,name\nq1,Joaquín Guzmán\nq1,Ismael Zambada\n", "manifest.csv:3:")]
    [InlineData("id,name,kind,document\nq1,Joaquín Guzmán,99,ABC123\n", "manifest.csv:2:")]
    public async Task A_bad_manifest_gets_one_line_naming_the_file_and_line_and_no_results(string csv, string where)
    {
        var ct = TestContext.Current.CancellationToken;
        var input = Write("manifest.csv", csv);

        var result = await ScreenAsync(input, ["--watchlist", $"csv:{Path.Combine(SharedData.Examples, "alerts.csv")}"], ct);

        Assert.NotEqual(0, result.ExitCode);
        var message = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(where, message, StringComparison.Ordinal);
        Assert.False(File.Exists(Output), "results were written for a bad manifest");
    }

    [Theory]
    [InlineData("--threshold", "2")]
    [InlineData("--threshold", "-0.1")]
    [InlineData("--top", "0")]
    [InlineData("--watchlist", "ofac:/nonexistent/folder")]
    [InlineData("--watchlist", "xml:/nonexistent/list.xml")]
    [InlineData("--watchlist", "csv:/nonexistent/alerts.csv")]
    public async Task A_bad_option_gets_one_clear_line_and_a_non_zero_exit(string option, string value)
    {
        var ct = TestContext.Current.CancellationToken;
        var input = Write("manifest.csv", "id,name\nq1,Joaquín Guzmán Loera\n");
        string[] watchlist = option == "--watchlist" ? [] : ["--watchlist", $"csv:{Path.Combine(SharedData.Examples, "alerts.csv")}"];

        var result = await ScreenAsync(input, [.. watchlist, option, value], ct);

        Assert.NotEqual(0, result.ExitCode);
        var message = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        Assert.False(File.Exists(Output), "results were written despite a bad option");
    }

    private string Output => Path.Combine(_folder, "results.csv");

    /// <summary>
    /// The OFAC files cut to their first 300 entries and <paramref name="entries"/>, with those entries' aliases and
    /// addresses: a list the node imports in a second, where the whole one takes half a minute.
    /// </summary>
    private string OfacSlice(params string[] entries)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "ofac")).FullName;
        var sdn = File.ReadLines(Path.Combine(SharedData.Ofac, "sdn.csv")).ToList();
        var kept = sdn.Take(300).Select(EntryOf).Concat(entries.Select(e => e["ofac:".Length..])).ToHashSet(StringComparer.Ordinal);
        foreach (var file in new[] { "sdn.csv", "alt.csv", "add.csv" })
            File.WriteAllLines(Path.Combine(folder, file), File.ReadLines(Path.Combine(SharedData.Ofac, file)).Where(l => kept.Contains(EntryOf(l))));
        return folder;

        static string EntryOf(string line) => line.Split(',', 2)[0];
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    private Task<PerimeterProcess.Result> ScreenAsync(string input, string[] options, CancellationToken ct) =>
        PerimeterProcess.RunAsync(["screen", "--input", input, "--output", Output, .. options], ct);

    private sealed record Row(string QueryId, string Rank, string AlertRef, double Score, string Band, string Explanation, string EvidenceFor, string EvidenceAgainst);

    /// <summary>The results file's rows; fails unless it starts with the documented header.</summary>
    private List<Row> Rows(PerimeterProcess.Result result)
    {
        var text = File.ReadAllText(Output);
        var records = CsvRecords.Read(text).Select(r => r.Fields).ToList();
        Assert.True(records.Count > 0 && string.Join(',', records[0]) == Header, $"header: {text.Split('\n')[0]}; {result.Error}");
        return [.. records.Skip(1).Select(f =>
            new Row(f[0], f[1], f[2], double.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), f[4], f[5], f[6], f[7]))];
    }
}

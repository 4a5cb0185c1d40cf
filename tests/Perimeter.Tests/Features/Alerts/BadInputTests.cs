using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Tokens;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Alerts;

/// <summary>Bad input gets an RFC 9457 problem that names what is wrong, and changes nothing.</summary>
public sealed class BadInputTests(NodePerDatabase nodes) : IClassFixture<NodePerDatabase>
{
    private const string Alerts = "/api/v1/alerts";
    private const string Placeholder = "PLACEHOLDER";

    /// <summary>Bodies that must not publish, and the field the problem must name.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Body, string Field)> Bodies = new(StringComparer.Ordinal)
    {
        ["malformed JSON"] = (() => Encoding.UTF8.GetBytes("""{"kind": "person", "category": """), "category"),
        ["not JSON at all"] = (() => Encoding.UTF8.GetBytes("kind=person&category=wanted-for-arrest"), "body"),
        ["a JSON array instead of an alert"] = (() => Encoding.UTF8.GetBytes("[]"), "body"),
        ["an unknown TLP"] = (() => Json(a => a["markings"]!["tlp"] = "ORANGE"), "markings.tlp"),
        ["an unknown kind"] = (() => Json(a => a["kind"] = "spaceship"), "kind"),
        ["an enum given as a number"] = (() => Json(a => a["category"] = 1), "category"),
        ["an unknown purpose"] = (() => Json(a => a["markings"]!["purposes"] = new JsonArray("llama-smuggling")), "markings.purposes"),
        ["an unknown member"] = (() => Json(a => a["favouriteColour"] = "red"), "favouriteColour"),
        ["a number where text belongs"] = (() => Json(a => a["narrative"] = 42), "narrative"),
        ["text where a list belongs"] = (() => Json(a => a["subject"]!["person"]!["names"] = "Joaquín Guzmán"), "subject.person.names"),
        ["a null subject"] = (() => Json(a => a["subject"] = null), "subject"),
        ["null markings"] = (() => Json(a => a["markings"] = null), "markings"),
        ["a null name"] = (() => Json(a => a["subject"]!["person"]!["names"] = new JsonArray(null, new JsonObject { ["fullName"] = "El Chapo" })), "subject.person.names[0]"),
        ["a null nationality"] = (() => Json(a => a["subject"]!["person"]!["nationalities"] = new JsonArray("MX", null)), "subject.person.nationalities[1]"),
        ["a null release target"] = (() => Json(a => a["markings"]!["releasableTo"] = new JsonArray("mx.inm", null)), "markings.releasableTo[1]"),
        ["a document without a number"] = (() => Json(a => a["subject"]!["person"]!["documents"] = new JsonArray(new JsonObject { ["type"] = "passport" })), "subject.person.documents[0].number"),
        ["a date of birth that is no date"] = (() => Json(a => a["subject"]!["person"]!["datesOfBirth"] = new JsonArray("1957-02-30")), "subject.person.datesOfBirth[0]"),
        ["invalid UTF-8 in a string"] = (InvalidUtf8, "subject.person.names[0].givenNames"),
        ["control characters in a name"] = (() => Json(a => a["subject"]!["person"]!["names"]![0]!["givenNames"] = "Joa\u0007quín"), "subject.person.names[0].givenNames"),
        ["an over-long narrative"] = (() => Json(a => a["narrative"] = new string('a', AlertContent.MaxNarrativeLength + 1)), "narrative"),
        ["everyone on a non-CLEAR alert"] = (() => Json(a => a["markings"]!["releasableTo"] = new JsonArray("mx.inm", "*")), "markings.releasableTo[1]"),
        ["a release target that is neither agency nor country"] = (() => Json(a => a["markings"]!["releasableTo"] = new JsonArray("Mexico")), "markings.releasableTo[0]"),
        ["a category that does not fit the kind"] = (() => Json(a => a["category"] = "stolen-vehicle"), "category"),
        ["no purpose"] = (() => Json(a => a["markings"]!["purposes"] = new JsonArray()), "markings.purposes"),
        ["a review-by date past the longest allowed"] = (() => Json(a => a["markings"]!["reviewBy"] = "2031-11-30"), "markings.reviewBy"),
        ["a review-by date in the past"] = (() => Json(a => a["markings"]!["reviewBy"] = "2026-11-28"), "markings.reviewBy"),
    };

    public static TheoryData<Database, string> BadBodies
    {
        get
        {
            var rows = new TheoryData<Database, string>();
            foreach (var database in Enum.GetValues<Database>())
            {
                foreach (var body in Bodies.Keys)
                    rows.Add(database, body);
            }
            return rows;
        }
    }

    [Theory, MemberData(nameof(BadBodies))]
    public async Task Publishing_a_bad_body_is_a_problem_naming_the_field_and_writes_nothing(Database database, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        var (bytes, field) = Bodies[body];

        var problem = await RefusedAsync(node, () => analyst.PostAsync(Alerts, JsonBody(bytes())), HttpStatusCode.BadRequest, ct);

        Assert.NotEmpty(problem.For(field));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_bad_body_changes_nothing_on_update_either(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        var alert = await node.PublishAsync(AnAlert.Person(), ct);

        foreach (var (body, field) in Bodies.Values)
        {
            var problem = await RefusedAsync(node, () => analyst.PutAsync($"{Alerts}/{alert.Id}", JsonBody(body())), HttpStatusCode.BadRequest, ct);
            Assert.NotEmpty(problem.For(field));
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_body_over_the_size_limit_is_refused_as_too_large(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);

        // Asking to continue lets the node refuse on the declared length before 50 MB are sent, as a well-behaved
        // client does; without it the node answers and closes while the client is still writing.
        var problem = await RefusedAsync(node, () => analyst.SendAsync(new HttpRequestMessage(HttpMethod.Post, Alerts)
        {
            Content = JsonBody(new byte[50 * 1024 * 1024]),
            Headers = { ExpectContinue = true },
        }, ct), HttpStatusCode.RequestEntityTooLarge, ct);

        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.Contains("10485760", problem.Detail, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_read_without_a_purpose_is_a_problem_naming_the_purpose(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct);
        var alert = await node.PublishAsync(AnAlert.Person(), ct);

        foreach (var url in new[] { Alerts, $"{Alerts}/{alert.Id}", $"{Alerts}/{alert.Id}/versions" })
            Assert.NotEmpty((await Problem.ReadAsync(await officer.GetAsync(url, ct), HttpStatusCode.BadRequest, ct)).For("purpose"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_read_for_an_unknown_purpose_is_a_problem_naming_the_purpose(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct);
        officer.DefaultRequestHeaders.Add(Caller.PurposeHeader, "curiosity");

        var problem = await Problem.ReadAsync(await officer.GetAsync(Alerts, ct), HttpStatusCode.BadRequest, ct);

        Assert.Contains("curiosity", Assert.Single(problem.For("purpose")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task No_token_is_a_401_problem(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var anonymous = node.Anonymous();

        await RefusedAsync(node, () => anonymous.PostAsync(Alerts, JsonBody(Json(_ => { }))), HttpStatusCode.Unauthorized, ct);
        await Problem.ReadAsync(await anonymous.GetAsync($"{Alerts}?purpose=counter-narcotics", ct), HttpStatusCode.Unauthorized, ct);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_garbage_or_revoked_token_is_a_401_problem_and_is_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        await using var scope = node.Services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<TokenService>();
        var revoked = await tokens.CreateAsync("revoked", TestNode.Agency, Role.Analyst, null, Caller.Operator(TestNode.Agency), ct);
        Assert.True(await tokens.RevokeAsync(revoked.Token.Id, Caller.Operator(TestNode.Agency), ct));
        var forged = $"ptk_{revoked.Token.Id:N}_{new string('A', 43)}";

        foreach (var token in new[] { "garbage", "ptk_not-a-token", forged, revoked.Secret })
        {
            var rejectedBefore = (await node.AuditAsync(AuditAction.TokenRejected, null, ct)).Count;
            var client = node.Anonymous();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            await RefusedAsync(node, () => client.PostAsync(Alerts, JsonBody(Json(_ => { }))), HttpStatusCode.Unauthorized, ct);

            Assert.Equal(rejectedBefore + 1, (await node.AuditAsync(AuditAction.TokenRejected, null, ct)).Count);
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task With_Accept_Language_es_a_validation_problem_is_in_Spanish(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        analyst.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        var body = Json(a =>
        {
            a["category"] = "stolen-vehicle";
            a["narrative"] = new string('a', AlertContent.MaxNarrativeLength + 1);
        });

        var problem = await RefusedAsync(node, () => analyst.PostAsync(Alerts, JsonBody(body)), HttpStatusCode.BadRequest, ct);

        Assert.Equal("La solicitud no es válida.", problem.Title);
        Assert.Equal("La categoría \"stolen-vehicle\" no corresponde a una alerta de tipo person.", Assert.Single(problem.For("category")));
        Assert.Equal("Más de 8000 caracteres.", Assert.Single(problem.For("narrative")));
        var json = await RefusedAsync(node, () => analyst.PostAsync(Alerts, JsonBody(Json(a => a["kind"] = "spaceship"))), HttpStatusCode.BadRequest, ct);
        Assert.StartsWith("El cuerpo no es JSON válido", Assert.Single(json.For("kind")), StringComparison.Ordinal);
    }

    /// <summary>Sends, reads the problem, and checks that no alert or alert version was written meanwhile.</summary>
    private static async Task<Problem> RefusedAsync(TestNode node, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, CancellationToken ct)
    {
        var before = await StoredAsync(node, ct);
        using var response = await send();
        var problem = await Problem.ReadAsync(response, status, ct);
        Assert.Equal(before, await StoredAsync(node, ct));
        return problem;
    }

    private static async Task<(int Alerts, int Versions, int Changes)> StoredAsync(TestNode node, CancellationToken ct)
    {
        await using var db = node.Database.Open();
        return (await db.Alerts.CountAsync(ct), await db.AlertVersions.CountAsync(ct), await db.AlertChanges.CountAsync(ct));
    }

    /// <summary>A valid alert as JSON, changed by <paramref name="change"/>.</summary>
    private static byte[] Json(Action<JsonObject> change)
    {
        var alert = JsonSerializer.SerializeToNode(AnAlert.Person(), PerimeterJson.Options)!.AsObject();
        change(alert);
        return Encoding.UTF8.GetBytes(alert.ToJsonString());
    }

    /// <summary>A valid alert whose first given name holds <c>0xC3 0x28</c>, which is not UTF-8.</summary>
    private static byte[] InvalidUtf8()
    {
        var bytes = Json(a => a["subject"]!["person"]!["names"]![0]!["givenNames"] = Placeholder);
        var at = bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Placeholder));
        return [.. bytes[..at], (byte)'J', 0xC3, 0x28, (byte)'O', .. bytes[(at + Placeholder.Length)..]];
    }

    private static ByteArrayContent JsonBody(byte[] bytes) =>
        new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
}

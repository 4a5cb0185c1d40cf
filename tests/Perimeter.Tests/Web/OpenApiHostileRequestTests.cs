using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Screening;
using Perimeter.Features.Tokens;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Web;

/// <summary>
/// Hostile requests generated from the node's own OpenAPI document, so that every operation — a new one included — is
/// covered: wrong and hostile path, query and header values, bodies of the wrong shape or type, deep and huge JSON,
/// invalid UTF-8, control and right-to-left characters, SQL and LIKE metacharacters, no token, a bad token, every role.
/// No request may be answered 5xx, and a refused request (4xx) may write nothing but its audit record.
/// </summary>
public sealed class OpenApiHostileRequestTests
{
    private static readonly string[] HostileTexts =
    [
        "", " ", "0", "-1", "2147483648", "NaN", "1e309", "null", "true", "'; DROP TABLE alerts; --", "%", "_", "%_%", "\\",
        "\u202Eevil\u202C", "a\u0000b", "line\r\nbreak", "😀", "<script>alert(1)</script>", "../../etc/passwd", new string('x', 5_000),
        "00000000-0000-0000-0000-000000000000", "not-a-guid", "1954-13-45",
    ];

    private static readonly string[] HostileBodies =
    [
        "null", "[]", "{}", "\"text\"", "12", "{\"a\":", "{\"id\":\"x\",\"id\":\"y\"}", new string('[', 2_000) + new string(']', 2_000),
        "{\"name\":\"" + new string('x', 2_000_000) + "\"}", "{\"name\":\"\u202E\u0000'%_\"}",
    ];

    [Fact]
    public async Task No_generated_hostile_request_to_any_operation_is_answered_5xx_or_writes_when_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        var operations = await OperationsAsync(node, ct);
        var callers = new List<HttpClient> { node.Anonymous(), node.Bearer("ptk_not-a-token", Purposes.Sanctions) };
        foreach (var role in Enum.GetValues<Role>())
            callers.Add(await node.ClientAsync(TestNode.Agency, role, ct, Purposes.Sanctions));
        var failures = new List<string>();
        var sent = 0;

        foreach (var (method, template, parameters, hasBody) in operations)
        {
            foreach (var request in Requests(method, template, parameters, hasBody))
            {
                foreach (var caller in callers)
                {
                    var before = await FingerprintAsync(node, ct);
                    using var message = request();
                    using var response = await caller.SendAsync(message, ct);
                    sent++;
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                        failures.Add($"{status} for {message.Method} {message.RequestUri}");
                    else if (status >= 400 && await FingerprintAsync(node, ct) is var after && after != before)
                        failures.Add($"{status} for {message.Method} {message.RequestUri} yet wrote: {before} → {after}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Distinct().Take(30))}");
        Assert.True(operations.Count >= 40 && sent > 3_000, $"only {operations.Count} operations and {sent} requests: the document or the generator shrank");
    }

    private sealed record Operation(HttpMethod Method, string Template, IReadOnlyList<(string Name, string In)> Parameters, bool HasBody);

    private static async Task<List<Operation>> OperationsAsync(TestNode node, CancellationToken ct)
    {
        var document = JsonNode.Parse(await node.Anonymous().GetStringAsync("/openapi/v1.json", ct))!;
        var operations = new List<Operation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? [])
                    .Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>())).ToList();
                operations.Add(new Operation(new HttpMethod(method.ToUpperInvariant()), path, parameters, operation["requestBody"] is not null));
            }
        }
        return operations;
    }

    /// <summary>For one operation: each hostile value in each path and query parameter and in the purpose header, then each hostile body.</summary>
    private static IEnumerable<Func<HttpRequestMessage>> Requests(HttpMethod method, string template, IReadOnlyList<(string Name, string In)> parameters, bool hasBody)
    {
        var path = parameters.Where(p => p.In == "path").Select(p => p.Name).ToList();
        var query = parameters.Where(p => p.In == "query").Select(p => p.Name).ToList();
        string Url(string pathValue, string? queryName, string? queryValue)
        {
            var url = path.Aggregate(template, (u, name) => u.Replace($"{{{name}}}", Uri.EscapeDataString(pathValue), StringComparison.Ordinal));
            return queryName is null ? url : $"{url}?{queryName}={Uri.EscapeDataString(queryValue!)}";
        }
        HttpRequestMessage Message(string url, HttpContent? content = null, string? purpose = null)
        {
            var message = new HttpRequestMessage(method, url) { Content = content ?? (hasBody ? Json("{}") : null) };
            if (purpose is not null)
                message.Headers.TryAddWithoutValidation(Caller.PurposeHeader, purpose);
            return message;
        }
        var ordinary = Guid.NewGuid().ToString();
        foreach (var value in HostileTexts.Where(_ => path.Count > 0))
            yield return () => Message(Url(value, null, null));
        foreach (var name in query)
        {
            foreach (var value in HostileTexts)
                yield return () => Message(Url(ordinary, name, value));
        }
        // Headers travel as ASCII: the hostile ones are several purposes, metacharacters and an unknown word.
        foreach (var purpose in new[] { "sanctions, migration", "SANCTIONS%", "' OR 1=1 --", "counter_terrorism" })
            yield return () => Message(Url(ordinary, null, null), purpose: purpose);
        if (!hasBody)
            yield break;
        foreach (var body in HostileBodies)
            yield return () => Message(Url(ordinary, null, null), Json(body));
        yield return () => Message(Url(ordinary, null, null), new ByteArrayContent([0x7B, 0x22, 0x6E, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x22, 0x7D])
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        });
        yield return () => Message(Url(ordinary, null, null), new StringContent("id,name\n1,\"unclosed\n", Encoding.UTF8, "text/csv"));
        yield return () => Message(Url(ordinary, null, null), new StringContent("<xml/>", Encoding.UTF8, "application/xml"));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>How many rows each table a write could touch holds, the audit log aside (a refusal is audited).</summary>
    private static async Task<string> FingerprintAsync(TestNode node, CancellationToken ct)
    {
        await using var db = node.Database.Storage.Open();
        var counts = new[]
        {
            await db.Alerts.CountAsync(ct), await db.AlertVersions.CountAsync(ct), await db.Users.CountAsync(ct), await db.Agencies.CountAsync(ct),
            await db.Set<ApiToken>().CountAsync(ct), await db.Partners.CountAsync(ct), await db.Agreements.CountAsync(ct),
            await db.Set<ScreeningDecision>().CountAsync(ct), await db.Set<StandingSubject>().CountAsync(ct),
            await db.Set<BatchJob>().CountAsync(ct), await db.RequestsForDetails.CountAsync(ct), await db.OutboxMessages.CountAsync(ct),
        };
        return string.Join(',', counts);
    }
}

using System.Net;
using System.Text.Json;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Web;

public sealed class ApiDocumentationTests
{
    [Fact]
    public async Task The_OpenAPI_document_describes_the_alert_endpoints_and_the_docs_page_renders_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        var anonymous = node.Anonymous();

        var openApi = await anonymous.GetAsync("/openapi/v1.json", ct);
        var docs = await anonymous.GetAsync("/docs", ct);

        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Equal("application/json", openApi.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await openApi.Content.ReadAsStringAsync(ct));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/alerts", out var alerts), "no /api/v1/alerts in the OpenAPI paths");
        Assert.True(alerts.TryGetProperty("get", out _) && alerts.TryGetProperty("post", out _), "/api/v1/alerts lacks get or post");
        Assert.True(paths.TryGetProperty("/api/v1/alerts/{id}", out _), "no /api/v1/alerts/{id} in the OpenAPI paths");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await docs.Content.ReadAsStringAsync(ct), StringComparison.OrdinalIgnoreCase);
    }
}

using System.Net;
using System.Net.Http.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Federation;

public sealed class AgreementApiTests
{
    private static readonly string[] BadFields = ["kinds", "categories", "purposes", "retentionDays"];

    [Fact]
    public async Task Supervisors_manage_agreements_analysts_and_partners_may_not_and_bad_requests_name_their_fields()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await us.PinAsync(mx, ct);
        using var supervisor = await us.Running.ClientAsync("us.cbp", Role.Supervisor, ct);
        using var analyst = await us.Running.ClientAsync("us.cbp", Role.Analyst, ct);
        using var mexicanSupervisor = await us.Running.ClientAsync("mx.inm", Role.Supervisor, ct);

        var request = new
        {
            partner = "mx.inm", mode = "replicate", kinds = new[] { "person" }, categories = new[] { "*" },
            purposes = new[] { "counter-narcotics" }, highestTlp = "AMBER", retentionDays = 30, hitReporting = true,
        };
        var created = await supervisor.PostAsJsonAsync("/api/v1/agreements", request, ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var agreement = (await created.Content.ReadFromJsonAsync<AgreementView>(PerimeterJson.Options, ct))!;
        Assert.Equal(["person"], agreement.Kinds);

        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsJsonAsync("/api/v1/agreements", request, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexicanSupervisor.GetAsync("/api/v1/agreements", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.GetAsync("/api/v1/partners/status", ct)).StatusCode);
        Assert.NotEmpty(await us.Running.AuditAsync(AuditAction.Denied, null, ct));

        var bad = await supervisor.PostAsync("/api/v1/agreements", new StringContent(
            """{"partner": "gt.igm", "kinds": ["spaceship"], "categories": [], "purposes": [], "retentionDays": 0}""",
            System.Text.Encoding.UTF8, "application/json"), ct);
        var problem = await Problem.ReadAsync(bad, HttpStatusCode.BadRequest, ct);
        foreach (var field in BadFields)
            Assert.NotEmpty(problem.For(field));

        var suspended = await supervisor.PostAsync($"/api/v1/agreements/{agreement.Id}/suspend", null, ct);
        Assert.Equal(AgreementStatus.Suspended, (await suspended.Content.ReadFromJsonAsync<AgreementView>(PerimeterJson.Options, ct))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/v1/agreements/{Guid.NewGuid()}/suspend", null, ct)).StatusCode);
        var listed = await supervisor.GetFromJsonAsync<List<AgreementView>>("/api/v1/agreements", PerimeterJson.Options, ct);
        Assert.Equal(AgreementStatus.Suspended, Assert.Single(listed!).Status);
    }
}

using System.Net;
using System.Net.Http.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Alerts;

public sealed class AlertApiTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Partner_cannot_read_an_alert_that_was_not_released_to_it(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        var alert = await us.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReleasableTo = [] }), ct);
        using var mexico = await us.ClientAsync("mx.inm", Role.Analyst, ct, Purposes.CounterNarcotics);

        var response = await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(await us.AuditAsync(AuditAction.ReadDenied, alert.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Partner_reads_an_alert_released_to_it_for_an_allowed_purpose(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        var alert = await us.PublishAsync(AnAlert.Person(), ct);
        using var mexico = await us.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);

        var view = await mexico.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);

        Assert.Equal("Joaquín Guzmán Loera", view!.DisplayName);
        Assert.Single(await us.AuditAsync(AuditAction.Read, alert.Id, ct));
    }
}

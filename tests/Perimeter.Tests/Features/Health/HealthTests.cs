using System.Net;
using System.Net.Http.Json;
using Perimeter.Features.Health;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Health;

public sealed class HealthTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Health_answers_200_without_signing_in_when_the_database_answers(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);

        var response = await node.Anonymous().GetAsync("/health", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<HealthView>(PerimeterJson.Options, ct);
        Assert.Equal(new HealthView("healthy", "ok", database.ToString().ToLowerInvariant()), health);
    }
}

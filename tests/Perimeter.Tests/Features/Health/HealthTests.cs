using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Health;
using Perimeter.Features.Screening;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Health;

public sealed class HealthTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Health_answers_200_without_signing_in_once_the_database_answers_and_the_index_is_loaded_without_a_screening(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);

        var health = await HealthyAsync(node, ct);

        Assert.Equal(new HealthView("healthy", "ok", database.ToString().ToLowerInvariant(), "ready"), health);
        Assert.NotNull(node.Services.GetRequiredService<ScreeningIndex>().Current);
    }

    /// <summary>The answer of /health once it is 200: the index loads in the background as the node starts.</summary>
    private static async Task<HealthView?> HealthyAsync(TestNode node, CancellationToken ct)
    {
        using var client = node.Anonymous();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var response = await client.GetAsync("/health", ct);
            if (response.StatusCode == HttpStatusCode.OK)
                return await response.Content.ReadFromJsonAsync<HealthView>(PerimeterJson.Options, ct);
            await Task.Delay(50, ct);
        }
        throw new TimeoutException("/health never answered 200");
    }
}

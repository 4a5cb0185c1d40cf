using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Demo;
using Perimeter.Tests.Features.Imports;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Demo;

public sealed class DemoSeederTests
{
    [Fact]
    public async Task A_demo_node_is_seeded_once_with_OFAC_synthetic_alerts_and_a_user_for_every_role()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await DemoNodeAsync(ct);

        var first = await SeedAsync(node, ct);
        var second = await SeedAsync(node, ct);

        Assert.Equal(["officer", "analyst", "supervisor", "auditor", "admin", "mx.liaison"], first.Users.Select(u => u.UserName));
        Assert.Equal(13_821, first.OfacAlerts);
        Assert.Equal(DemoSeeder.SyntheticAlertCount, first.SyntheticAlerts);
        Assert.False(second.IsNew);
        await using var db = node.Database.Open();
        Assert.Equal(13_821 + DemoSeeder.SyntheticAlertCount, await db.Alerts.CountAsync(ct));
        var signInPage = await node.Anonymous().GetStringAsync("/", ct);
        Assert.All(first.Users, user => Assert.Contains(user.Password, signInPage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_demo_node_told_not_to_import_OFAC_skips_it_and_seeds_the_rest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await DemoNodeAsync(ct, importsOfac: false);

        var seed = await SeedAsync(node, ct);

        Assert.True(seed.OfacSkipped);
        Assert.Equal((null, 0), (seed.OfacDirectory, seed.OfacAlerts));
        Assert.Equal(DemoSeeder.SyntheticAlertCount, seed.SyntheticAlerts);
    }

    [Fact]
    public async Task Without_demo_mode_the_sign_in_page_shows_no_credentials()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);

        var response = await node.Anonymous().GetAsync("/", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Demo", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    /// <summary>A demo node whose OFAC files, when it imports them, are the shared copy of the list.</summary>
    private static Task<TestNode> DemoNodeAsync(CancellationToken ct, bool importsOfac = true) =>
        TestNode.StartAsync(Database.Sqlite, ct, settings: new Dictionary<string, string?>
        {
            ["Node:Demo"] = "true",
            ["Node:DemoOfacDirectory"] = SharedData.Ofac,
            ["Node:DemoImportsOfac"] = importsOfac ? "true" : "false",
        });

    private static async Task<DemoSeed> SeedAsync(TestNode node, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Federation;
using Perimeter.Features.Retention;

namespace Perimeter.Tests.Infrastructure;

/// <summary>Runs a node's background jobs now, in a scope of their own, as its hosted services do.</summary>
public static class NodeJobs
{
    /// <summary>
    /// Settings that run the node's retention service once a day, the longest interval it allows. A fake
    /// clock moved by months fires the service once per interval passed, and on SQLite each of those runs
    /// completes inside the call that moves the clock.
    /// </summary>
    public static Dictionary<string, string?> DailyRetention() => new(StringComparer.Ordinal)
    {
        ["Node:Retention:IntervalMinutes"] = "1440",
    };

    public static async Task<RetentionRun> RunRetentionAsync(this TestNode node, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(ct);
    }

    /// <summary>
    /// Runs the federation loop once, as the node does every few milliseconds: every change made so far is relayed
    /// (or refused), and every message due is delivered and acknowledged, before it returns. What has not flowed then
    /// will not flow without a new change.
    /// </summary>
    public static async Task RunFederationAsync(this TestNode node, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FederationJob>().RunOnceAsync(ct);
    }
}

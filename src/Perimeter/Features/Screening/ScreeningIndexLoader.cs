using System.Data.Common;
using System.Diagnostics;
using System.Runtime;
using Perimeter.Features.Federation;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>
/// Loads this replica's screening index as the node starts, so that the first officer to screen does not wait while
/// every alert is read (about a minute at a million); <c>/health</c> answers "starting" until it is loaded, so that a
/// load balancer sends screenings to replicas that are ready. A failed load is tried again until it succeeds. (The
/// standing-subject job, which also runs at start, may load it first: this one then finds it loaded.)
/// </summary>
internal sealed partial class ScreeningIndexLoader(IServiceScopeFactory scopes, ScreeningIndex index, ILogger<ScreeningIndexLoader> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private volatile bool _ready;

    /// <summary>True once the index is loaded and the load's garbage collected: what <c>/health</c> reports as ready.</summary>
    public bool IsReady => _ready;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var started = Stopwatch.GetTimestamp();
                await using var scope = scopes.CreateAsyncScope();
                var snapshot = await index.EnsureCurrentAsync(scope.ServiceProvider.GetRequiredService<PerimeterDb>(), stoppingToken);
                // The load leaves every alert's row and document behind as garbage: collected now, before the node says it
                // is ready, rather than by a collection that stops the first screenings for seconds (measured at 1,000,000).
                GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                await WarmFederationAsync(scope.ServiceProvider.GetRequiredService<FederationWarmup>(), stoppingToken);
                _ready = true;
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                LogReady(snapshot.Watchlist.Count, seconds);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
            {
                LogFailed(e, RetryAfter.TotalSeconds);
            }
            try
            {
                await Task.Delay(RetryAfter, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>A partner that has just started must answer its first query in time; a warm-up that fails costs only that.</summary>
    private async Task WarmFederationAsync(FederationWarmup warmup, CancellationToken ct)
    {
        try
        {
            await warmup.RunAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogWarmupFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federation warm-up failed; the first partner query may be slow")]
    private partial void LogWarmupFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Screening index ready at start: {Entries} alerts in {Seconds:F1} s")]
    private partial void LogReady(int entries, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Screening index could not be loaded at start; trying again in {Seconds} s")]
    private partial void LogFailed(Exception exception, double seconds);
}

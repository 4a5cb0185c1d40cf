using System.Diagnostics;

namespace Perimeter;

/// <summary>
/// A background job run at start and then every interval, each run in a scope of its own. <c>Run</c> returns a
/// one-line summary for the log (counts and ids, never personal data), or nothing when there was nothing to do.
/// </summary>
public sealed record PeriodicJob<TJob>(string Name, Func<IServiceProvider, TimeSpan> Interval, Func<TJob, CancellationToken, Task<string>> Run)
    where TJob : class;

public static class PeriodicJobs
{
    public static IServiceCollection AddPeriodicJob<TJob>(this IServiceCollection services, PeriodicJob<TJob> job) where TJob : class =>
        services.AddScoped<TJob>().AddSingleton(job).AddHostedService<PeriodicService<TJob>>();
}

/// <summary>
/// Runs a <see cref="PeriodicJob{TJob}"/> on this replica. Jobs that must run once across replicas take
/// their own database lock inside <c>Run</c>; a failed run is logged and retried at the next interval.
/// </summary>
internal sealed partial class PeriodicService<TJob>(
    IServiceScopeFactory scopes, PeriodicJob<TJob> job, ILogger<PeriodicService<TJob>> logger) : BackgroundService
    where TJob : class
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimeSpan interval;
        using (var scope = scopes.CreateScope())
            interval = job.Interval(scope.ServiceProvider);
        // Scheduling runs on the machine's clock, not the node's TimeProvider: moving a test's clock on by days
        // must not replay a job once per missed interval. What a run does with "now" still follows the node's clock.
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        do
        {
            using var activity = Telemetry.Source.StartActivity(job.Name);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var summary = await job.Run(scope.ServiceProvider.GetRequiredService<TJob>(), stoppingToken);
                Telemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", job.Name));
                if (summary.Length > 0)
                    LogRun(job.Name, summary);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                LogFailed(job.Name, e);
            }
        }
        while (await timer.TickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: {Summary}")]
    private partial void LogRun(string job, string summary);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job} failed; it runs again at the next interval")]
    private partial void LogFailed(string job, Exception error);
}

internal static class PeriodicTimers
{
    /// <summary>
    /// The next tick, or false once the node is stopping — rather than the exception that a host which failed to start
    /// (a port already in use) would log as a crashed background service beside the one-line error.
    /// </summary>
    public static async Task<bool> TickAsync(this PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

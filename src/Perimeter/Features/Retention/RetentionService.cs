using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Perimeter.Features.Retention;

/// <summary>Runs <see cref="RetentionJob"/> at start and then every interval.</summary>
internal sealed partial class RetentionService(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        do
        {
            using var activity = Telemetry.Source.StartActivity("retention");
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var run = await scope.ServiceProvider.GetRequiredService<RetentionJob>().RunOnceAsync(stoppingToken);
                Telemetry.JobRuns.Add(1, new KeyValuePair<string, object?>("job", "retention"));
                LogRun(run.Warned, run.Expired, run.Purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                activity?.SetStatus(ActivityStatusCode.Error);
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run: {Warned} warned, {Expired} expired, {Purged} purged")]
    private partial void LogRun(int warned, int expired, int purged);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed; it will be retried at the next interval")]
    private partial void LogFailed(Exception error);
}

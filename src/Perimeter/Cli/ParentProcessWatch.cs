using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Perimeter.Cli;

/// <summary>
/// Stops a node started by another Perimeter process (<c>perimeter demo federation</c>) when that process is
/// gone, however it ended, so that no node outlives the command that started it.
/// </summary>
internal sealed class ParentProcessWatch(IOptions<NodeOptions> options, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ParentProcessId is not { } parent)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.TickAsync(stoppingToken))
        {
            if (!IsAlive(parent))
            {
                lifetime.StopApplication();
                return;
            }
        }
    }

    private static bool IsAlive(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

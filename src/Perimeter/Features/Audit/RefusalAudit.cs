using System.Collections.Concurrent;
using System.Globalization;
using Perimeter.Features.Access;

namespace Perimeter.Features.Audit;

/// <summary>
/// Audits refusals of callers the node cannot hold to account — failed sign-ins, rejected tokens, requests turned away
/// before any policy, requests over a rate limit — so that a flood of them cannot stall the single audit writer every
/// real action waits on. Per kind of refusal and source — the signed-in actor, or else the client address — the first
/// <see cref="RecordedPerWindow"/> in a window are written one by one, as any refusal is; the rest are only counted, and
/// one record per window says how many there were. Memory is bounded: past <see cref="MaxSources"/> sources in a window,
/// new ones are counted together.
/// </summary>
public sealed class RefusalAudit(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    public const int RecordedPerWindow = 20;
    public const int MaxSources = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private const string ManySources = "many-sources";

    private readonly ConcurrentDictionary<(AuditAction Action, string Source), Tally> _tallies = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    private sealed class Tally(DateTimeOffset since, Caller first)
    {
        public DateTimeOffset Since { get; } = since;
        public Caller First { get; } = first;
        public int Count;
    }

    public void Dispose() => _flushing.Dispose();

    /// <summary>Audits a refusal now while its source is under the window's allowance; otherwise counts it and returns at once.</summary>
    public async Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken ct)
    {
        // Closed windows are written by RefusalAuditFlush, not here: a refusal in a flood must not scan every source.
        var source = caller.IsAuthenticated ? caller.ActorId : caller.RemoteAddress ?? "unknown";
        if (!_tallies.ContainsKey((entry.Action, source)) && _tallies.Count >= MaxSources)
            source = ManySources;
        var tally = _tallies.GetOrAdd((entry.Action, source), _ => new Tally(time.GetUtcNow(), caller));
        if (Interlocked.Increment(ref tally.Count) > RecordedPerWindow)
            return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(caller, entry, ct);
    }

    /// <summary>Writes one record for each source whose window has closed with refusals only counted, and forgets it.</summary>
    public async Task FlushAsync(CancellationToken ct, bool all = false)
    {
        var now = time.GetUtcNow();
        if (!all && !_tallies.Any(t => now - t.Value.Since >= Window))
            return;
        await _flushing.WaitAsync(ct);
        try
        {
            foreach (var ((action, source), tally) in _tallies.Where(t => all || now - t.Value.Since >= Window).ToList())
            {
                _tallies.TryRemove((action, source), out _);
                var uncounted = tally.Count - RecordedPerWindow;
                if (uncounted <= 0)
                    continue;
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordAsync(tally.First,
                    new AuditEntry(action, "refusals", null, AuditOutcome.Denied, string.Create(CultureInfo.InvariantCulture,
                        $"{uncounted} more from {source} between {tally.Since:u} and {now:u}, counted, not recorded one by one")), ct);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }
}

/// <summary>Writes the counts of closed windows while the node runs, and of every open window when it stops: nothing counted is lost.</summary>
internal sealed class RefusalAuditFlush(RefusalAudit refusals) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        while (await timer.TickAsync(stoppingToken))
            await refusals.FlushAsync(stoppingToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await refusals.FlushAsync(cancellationToken, all: true);
    }
}

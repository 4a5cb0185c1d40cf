using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>
/// This replica's in-memory screening index, kept current from the alert change feed. Readers take the
/// current snapshot without locking; one updater at a time applies new changes and swaps the reference.
/// Writes commit in change-feed order (every unit of work holds the audit chain's lock), so reading the
/// feed past the last applied sequence never skips a change.
/// </summary>
public sealed partial class ScreeningIndex(MatchingTables tables, ILogger<ScreeningIndex> logger) : IDisposable
{
    private readonly SemaphoreSlim _updating = new(1, 1);
    private volatile Snapshot? _current;

    /// <summary>The watchlist, the markings of every alert in it, and the last change applied.</summary>
    public sealed record Snapshot(Watchlist Watchlist, ImmutableDictionary<Guid, ScreenedAlert> Alerts, long Sequence);

    public Snapshot? Current => _current;

    public void Dispose() => _updating.Dispose();

    /// <summary>Brings the index up to the database's latest change, loading it whole the first time.</summary>
    public async Task<Snapshot> EnsureCurrentAsync(PerimeterDb db, CancellationToken ct)
    {
        var latest = await db.AlertChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        if (_current is { } ready && ready.Sequence >= latest)
            return ready;
        await _updating.WaitAsync(ct);
        try
        {
            var snapshot = _current ?? await LoadAsync(db, ct);
            snapshot = await ApplyChangesAsync(db, snapshot, ct);
            if (snapshot.Watchlist.NeedsCompaction)
                snapshot = await LoadAsync(db, ct);
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _updating.Release();
        }
    }

    private async Task<Snapshot> LoadAsync(PerimeterDb db, CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("screening-index-load");
        // The sequence is read first: a change committed while loading is applied again afterwards, harmlessly.
        var sequence = await db.AlertChanges.MaxAsync(c => (long?)c.Sequence, ct) ?? 0;
        var entries = new List<(Guid, Subject)>();
        var alerts = ImmutableDictionary.CreateBuilder<Guid, ScreenedAlert>();
        await foreach (var alert in db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Active && a.SubjectJson != null).AsAsyncEnumerable().WithCancellation(ct))
        {
            entries.Add((alert.Id, SubjectOf(alert)));
            alerts[alert.Id] = ScreenedAlert.Of(alert);
        }
        var watchlist = Watchlist.Build(entries, tables);
        LogLoaded(watchlist.Count, sequence);
        return new Snapshot(watchlist, alerts.ToImmutable(), sequence);
    }

    private static async Task<Snapshot> ApplyChangesAsync(PerimeterDb db, Snapshot snapshot, CancellationToken ct)
    {
        while (true)
        {
            var changes = await db.AlertChanges.AsNoTracking()
                .Where(c => c.Sequence > snapshot.Sequence)
                .OrderBy(c => c.Sequence).Take(5_000)
                .Select(c => new { c.Sequence, c.AlertId })
                .ToListAsync(ct);
            if (changes.Count == 0)
                return snapshot;
            var ids = changes.Select(c => c.AlertId).Distinct().ToList();
            var current = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
            var live = current.Where(a => a.Status == AlertStatus.Active && a.SubjectJson != null).ToList();
            var gone = ids.Except(live.Select(a => a.Id)).ToList();
            var alerts = snapshot.Alerts.RemoveRange(gone).SetItems(live.Select(a => KeyValuePair.Create(a.Id, ScreenedAlert.Of(a))));
            snapshot = new Snapshot(snapshot.Watchlist.With([.. live.Select(a => (a.Id, SubjectOf(a)))], gone), alerts, changes[^1].Sequence);
        }
    }

    private static Subject SubjectOf(Alert alert) =>
        AlertSubjects.Of(alert.Kind, PerimeterJson.Deserialize<AlertSubject>(alert.SubjectJson!));

    [LoggerMessage(Level = LogLevel.Information, Message = "Screening index loaded: {Entries} alerts up to change {Sequence}")]
    private partial void LogLoaded(int entries, long sequence);
}

/// <summary>What screening keeps of an alert beside the index: its markings, for the access policy, and what a result shows.</summary>
public sealed record ScreenedAlert(
    Guid Id, AlertKind Kind, AlertCategory Category, ActionOnHit ActionOnHit, string Originator, int Version, string? DisplayName, string? ExternalRef,
    string SubjectHash, bool IsPartnerCopy, AlertStatus Status, Tlp Tlp, string ReleasabilityKey, Handling Handling, Purposes Purposes) : IMarked
{
    public static ScreenedAlert Of(Alert a) => new(a.Id, a.Kind, a.Category, a.ActionOnHit, a.Originator, a.Version, a.DisplayName, a.ExternalRef,
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(a.SubjectJson ?? ""))),
        a.IsPartnerCopy, a.Status, a.Tlp, a.ReleasabilityKey, a.Handling, a.Purposes);
}

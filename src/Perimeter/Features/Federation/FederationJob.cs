using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// The node's federation loop, run every few hundred milliseconds: relay new changes into the outbox,
/// deliver, and purge partner copies past their agreement's retention. Keeps going while there is work,
/// for a few seconds at most, so a backlog drains without waiting for the next tick.
/// </summary>
public sealed class FederationJob(FederationRelay relay, FederationDelivery delivery, CopyRetention retention, RequestForDetailsService requests)
{
    public async Task<string> RunOnceAsync(CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        int relayed = 0, delivered = 0;
        while (true)
        {
            var changes = await relay.RunOnceAsync(ct);
            var acknowledged = await delivery.DeliverAsync(ct);
            relayed += changes;
            delivered += acknowledged;
            if (changes + acknowledged == 0 || TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(5))
                break;
        }
        var purged = await retention.PurgeDueAsync(ct);
        var escalated = await requests.EscalateAsync(ct);
        return relayed + delivered + purged + escalated == 0 ? ""
            : $"{relayed} changes relayed, {delivered} messages acknowledged, {purged} copies purged, {escalated} requests escalated";
    }
}

/// <summary>Partner copies are kept no longer than their agreement allows; each purge is audited and receipted.</summary>
public sealed class CopyRetention(PerimeterDb db, AuditLog audit, FederationIdentity identity, TimeProvider time)
{
    public async Task<int> PurgeDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.WriteAsync(async token =>
        {
            var due = await db.ReceivedCopies.Where(c => c.RetainUntil <= now)
                .Join(db.Alerts.Where(a => a.IsPartnerCopy && a.Status != AlertStatus.Purged), c => c.AlertId, a => a.Id, (c, a) => a)
                .OrderBy(a => a.Id).Take(500).ToListAsync(token);
            foreach (var alert in due)
            {
                AlertWriter.ErasePersonalData(alert, now);
                await db.AlertVersions.Where(v => v.AlertId == alert.Id)
                    .ExecuteUpdateAsync(v => v.SetProperty(x => x.ContentJson, (string?)null), token);
                db.AlertChanges.Add(new AlertChange { AlertId = alert.Id, Version = alert.Version, Change = AlertChangeKind.Purged, At = now });
                await audit.AppendAsync(Caller.System(identity.Agency), new AuditEntry(AuditAction.Purged, "alert", [alert.Id],
                    Detail: $"partner copy of {alert.Originator} past the agreement's retention"), token);
            }
            return due.Count;
        }, ct);
    }
}

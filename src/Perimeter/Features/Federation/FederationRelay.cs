using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// Reads the change feed (written in the same transaction as every alert change) into per-partner outbox
/// messages, moving its cursor in the same unit of work: a change is relayed once, and never lost. This is
/// where the third-party rule is enforced on the way out: a partner's copy goes on only with its originator's
/// consent.
/// </summary>
public sealed class FederationRelay(PerimeterDb db, AuditLog audit, FederationIdentity identity, TimeProvider time)
{
    /// <summary>PostgreSQL advisory-lock key: one replica at a time relays.</summary>
    private const long JobLock = 0x5045_5249_0010;
    private const int BatchSize = 500;

    // The nested batch reads these; primary-constructor parameters are not visible to nested types.
    private PerimeterDb Db => db;
    private AuditLog Audit => audit;
    private FederationIdentity Identity => identity;
    private TimeProvider Time => time;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        if (identity.Current is null)
            return 0;
        var total = await db.WriteAsync(async token => await db.TryLockJobAsync(JobLock, token) ? await ReportHitsAsync(token) : 0, ct);
        while (true)
        {
            var done = await db.WriteAsync(async token => await db.TryLockJobAsync(JobLock, token) ? await RelayBatchAsync(token) : 0, ct);
            total += done;
            if (done < BatchSize)
                return total;
        }
    }

    /// <summary>
    /// Confirmed hits here on partners' copies: each is reported to the originator, signed, when the agreement
    /// with it asks for hit reports; either way it is considered once.
    /// </summary>
    private async Task<int> ReportHitsAsync(CancellationToken ct)
    {
        var confirmed = await db.Set<Screening.ScreeningDecision>().AsNoTracking()
            .Where(d => d.Outcome == Screening.DecisionOutcome.Confirmed && !db.HitReports.Any(h => h.DecisionId == d.Id))
            .Join(db.Alerts.Where(a => a.IsPartnerCopy), d => d.AlertId, a => a.Id, (d, a) => new { d.Id, d.AlertId, d.AlertVersion, d.At, a.Originator })
            .OrderBy(d => d.Id).Take(100).ToListAsync(ct);
        if (confirmed.Count == 0)
            return 0;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreements = await db.Agreements.AsNoTracking().ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var hit in confirmed)
        {
            var report = agreements.Any(a => a.Partner == hit.Originator && a.HitReporting && a.IsInForce(today));
            db.HitReports.Add(new HitReport { DecisionId = hit.Id, AlertId = hit.AlertId, Originator = hit.Originator, Reported = report, At = now });
            if (!report)
                continue;
            var document = identity.Sign(new HitReportDocument
            {
                Reporter = identity.Agency,
                Originator = hit.Originator,
                AlertId = hit.AlertId,
                AlertVersion = hit.AlertVersion,
                ConfirmedAt = hit.At,
                SignedAt = now,
            });
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = Guid.CreateVersion7(now),
                Partner = hit.Originator,
                Type = DocumentType.HitReport,
                AlertId = hit.AlertId,
                Signer = document.Signer,
                Payload = document.Payload,
                Signature = document.Signature,
                CreatedAt = now,
            });
        }
        return confirmed.Count;
    }

    private async Task<int> RelayBatchAsync(CancellationToken ct)
    {
        var cursor = await db.RelayCursors.FindAsync([1], ct);
        if (cursor is null)
        {
            cursor = new RelayCursor { Id = 1 };
            db.RelayCursors.Add(cursor);
        }
        var from = cursor.LastChange;
        var changes = await db.AlertChanges.AsNoTracking().Where(c => c.Sequence > from)
            .OrderBy(c => c.Sequence).Take(BatchSize).ToListAsync(ct);
        if (changes.Count == 0)
            return 0;
        cursor.LastChange = changes[^1].Sequence;

        var partners = await db.Partners.AsNoTracking().Select(p => p.Agency).OrderBy(a => a).ToListAsync(ct);
        if (partners.Count == 0)
            return changes.Count;
        var ids = changes.Select(c => c.AlertId).Distinct().ToList();
        var alerts = await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var versions = await db.AlertVersions.AsNoTracking().Where(v => ids.Contains(v.AlertId)).ToDictionaryAsync(v => (v.AlertId, v.Version), ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Mode == AgreementMode.Replicate).ToListAsync(ct);
        var copies = await db.PartnerCopies.Where(c => ids.Contains(c.AlertId)).ToDictionaryAsync(c => (c.Partner, c.AlertId), ct);
        var received = await db.ReceivedCopies.AsNoTracking().Where(c => ids.Contains(c.AlertId)).ToDictionaryAsync(c => c.AlertId, ct);
        var relay = new Batch(this, partners, agreements, copies, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));

        foreach (var change in changes)
        {
            if (!alerts.TryGetValue(change.AlertId, out var alert))
                continue;
            if (!alert.IsPartnerCopy)
            {
                if (versions.TryGetValue((change.AlertId, change.Version), out var version))
                    relay.Own(alert, version);
            }
            else if (received.TryGetValue(alert.Id, out var copy))
            {
                await relay.CopyAsync(alert, change, copy, ct);
            }
        }
        return changes.Count;
    }

    private sealed class Batch(
        FederationRelay relay, List<string> partners, List<Agreement> agreements,
        Dictionary<(string, Guid), PartnerCopy> copies, DateOnly today)
    {
        private PerimeterDb Db => relay.Db;

        /// <summary>A version of this node's own alert: to every partner it is released to under an agreement, and its end to every partner that holds it.</summary>
        public void Own(Alert alert, AlertVersion version)
        {
            var content = version.ContentJson is null ? null : PerimeterJson.Deserialize<AlertContent>(version.ContentJson);
            SignedDocument? full = null, statusOnly = null, recall = null;
            foreach (var partner in partners)
            {
                var copy = copies.GetValueOrDefault((partner, alert.Id));
                var queued = copy?.QueuedVersion ?? 0;
                if (version.Version <= queued)
                    continue;
                var covered = content is not null && version.Status == AlertStatus.Active
                    && AccessPolicy.IsReleasedTo(content.Markings, partner)
                    && agreements.Any(a => a.Partner == partner
                        && a.Refuses(content.Kind, content.Category, content.Markings.Tlp, content.Markings.Purposes, today) is null);
                if (covered)
                    Queue(partner, full ??= Sign(alert, version, content, recalled: false), alert.Id, version.Version, copy);
                else if (queued > 0 && version.Status != AlertStatus.Active)
                    Queue(partner, statusOnly ??= Sign(alert, version, null, recalled: false), alert.Id, version.Version, copy);
                else if (queued > 0)
                    // No longer released to this partner, or outside its agreement: its copy must go.
                    Queue(partner, recall ??= Sign(alert, version, null, recalled: true), alert.Id, version.Version, copy);
            }
        }

        /// <summary>
        /// A change to a partner's copy held here: a purge done here is receipted to the originator; a version
        /// the originator sent goes on only where its handling marking allows (the third-party rule).
        /// </summary>
        public async Task CopyAsync(Alert alert, AlertChange change, ReceivedCopy received, CancellationToken ct)
        {
            var document = PerimeterJson.Deserialize<AlertVersionDocument>(received.Payload);
            if (change.Change == AlertChangeKind.Purged && (received.Version != change.Version || document.Status != AlertStatus.Purged && !document.Recalled))
            {
                QueueReceipt(alert, received);
                return;
            }
            if (received.Version != change.Version)
                return;
            var signed = new SignedDocument(received.Originator, received.Payload, received.Signature);
            foreach (var partner in partners)
            {
                if (partner == alert.Originator || partner == received.ReceivedFrom)
                    continue;
                var copy = copies.GetValueOrDefault((partner, alert.Id));
                var queued = copy?.QueuedVersion ?? 0;
                if (received.Version <= queued)
                    continue;
                if (document.Content is not { } content)
                {
                    if (queued > 0)
                        Queue(partner, signed, alert.Id, received.Version, copy);
                    continue;
                }
                var agreed = AccessPolicy.IsReleasedTo(content.Markings, partner) && agreements.Any(a => a.Partner == partner
                    && a.Refuses(content.Kind, content.Category, content.Markings.Tlp, content.Markings.Purposes, today) is null);
                if (!agreed)
                    continue;
                if (AccessPolicy.MayPassOn(content.Markings, partner) is { IsAllowed: false } refused)
                {
                    await relay.Audit.AppendAsync(Caller.System(relay.Identity.Agency), new AuditEntry(AuditAction.FederationRefused, "alert", [alert.Id],
                        AuditOutcome.Denied, $"not passed on to {partner}: {MarkingText.Of(refused.Reason)} (originator {alert.Originator})"), ct);
                    continue;
                }
                Queue(partner, signed, alert.Id, received.Version, copy);
            }
        }

        private SignedDocument Sign(Alert alert, AlertVersion version, AlertContent? content, bool recalled) =>
            relay.Identity.Sign(new AlertVersionDocument
            {
                Originator = alert.Originator,
                AlertId = alert.Id,
                Version = version.Version,
                Change = version.Change,
                Status = recalled ? AlertStatus.Purged : version.Status,
                Recalled = recalled,
                Content = content,
                SignedAt = relay.Time.GetUtcNow(),
            });

        private void Queue(string partner, SignedDocument document, Guid alertId, int version, PartnerCopy? copy)
        {
            var now = relay.Time.GetUtcNow();
            if (copy is null)
            {
                copy = new PartnerCopy { Partner = partner, AlertId = alertId };
                Db.PartnerCopies.Add(copy);
                copies[(partner, alertId)] = copy;
            }
            Db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = Guid.CreateVersion7(now),
                Partner = partner,
                Type = DocumentType.AlertVersion,
                AlertId = alertId,
                Version = version,
                PreviousVersion = copy.QueuedVersion,
                Signer = document.Signer,
                Payload = document.Payload,
                Signature = document.Signature,
                CreatedAt = now,
            });
            copy.QueuedVersion = version;
        }

        private void QueueReceipt(Alert alert, ReceivedCopy received)
        {
            if (!partners.Contains(alert.Originator))
                return;
            var now = relay.Time.GetUtcNow();
            var receipt = relay.Identity.Sign(new ReceiptDocument
            {
                Holder = relay.Identity.Agency,
                Originator = alert.Originator,
                AlertId = alert.Id,
                Version = received.Version,
                Outcome = "purged",
                HeldStatus = "purged",
                SignedAt = now,
            });
            Db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = Guid.CreateVersion7(now),
                Partner = alert.Originator,
                Type = DocumentType.Receipt,
                AlertId = alert.Id,
                Version = received.Version,
                Signer = receipt.Signer,
                Payload = receipt.Payload,
                Signature = receipt.Signature,
                CreatedAt = now,
            });
        }
    }
}

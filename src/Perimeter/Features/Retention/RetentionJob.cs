using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Retention;

/// <summary>
/// Review and retention as the Schengen Information System does it: warn ahead of the review-by
/// date, expire on it, delete personal data after the grace period (of expiry or of retraction). Each step is audited. Safe to
/// run on every replica at once: each batch re-reads state under the database lock, so a step is
/// never done twice.
/// </summary>
public sealed class RetentionJob(PerimeterDb db, AuditLog audit, AccessPolicy policy, IOptions<RetentionOptions> options, TimeProvider time)
{
    /// <summary>PostgreSQL advisory-lock key: one replica at a time runs retention.</summary>
    private const long JobLock = 0x5045_5249_0002;

    public async Task<RetentionRun> RunOnceAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var system = Caller.System(policy.Holder);
        var warned = await RepeatAsync(async token =>
        {
            var horizon = today.AddDays(settings.WarnDaysAhead);
            var due = await db.Alerts
                .Where(a => a.Status == AlertStatus.Active && !a.IsPartnerCopy && a.ReviewWarnedAt == null && a.ReviewBy <= horizon && a.ReviewBy > today)
                .OrderBy(a => a.ReviewBy).Take(settings.BatchSize).ToListAsync(token);
            foreach (var alert in due)
            {
                alert.ReviewWarnedAt = now;
                Notify(alert, NotificationKind.ReviewDue, now);
                await audit.AppendAsync(system, new AuditEntry(AuditAction.ReviewWarned, "alert", [alert.Id], Detail: $"review-by {alert.ReviewBy:yyyy-MM-dd}"), token);
            }
            return due.Count;
        }, ct);

        var expired = await RepeatAsync(async token =>
        {
            var due = await db.Alerts
                .Where(a => a.Status == AlertStatus.Active && a.ReviewBy <= today)
                .OrderBy(a => a.ReviewBy).Take(settings.BatchSize).ToListAsync(token);
            foreach (var alert in due)
            {
                alert.Status = AlertStatus.Expired;
                alert.ExpiredAt = now;
                Record(alert, AlertChangeKind.Expired, now);
                if (!alert.IsPartnerCopy)
                    Notify(alert, NotificationKind.Expired, now);
                await audit.AppendAsync(system, new AuditEntry(AuditAction.Expired, "alert", [alert.Id], Detail: $"review-by {alert.ReviewBy:yyyy-MM-dd}"), token);
            }
            return due.Count;
        }, ct);

        var purged = await RepeatAsync(async token =>
        {
            var cutoff = now.AddDays(-settings.GraceDays);
            // Retracted alerts end their life too: their personal data goes after the same grace period.
            var due = await db.Alerts
                .Where(a => (a.Status == AlertStatus.Expired && a.ExpiredAt <= cutoff) || (a.Status == AlertStatus.Retracted && a.UpdatedAt <= cutoff))
                .OrderBy(a => a.UpdatedAt).Take(settings.BatchSize).ToListAsync(token);
            foreach (var alert in due)
            {
                AlertWriter.ErasePersonalData(alert, now);
                await db.AlertVersions.Where(v => v.AlertId == alert.Id)
                    .ExecuteUpdateAsync(v => v.SetProperty(x => x.ContentJson, (string?)null), token);
                Record(alert, AlertChangeKind.Purged, now);
                await audit.AppendAsync(system, new AuditEntry(AuditAction.Purged, "alert", [alert.Id], Detail: "personal data deleted"), token);
            }
            return due.Count;
        }, ct);

        return new RetentionRun(warned, expired, purged);
    }

    /// <summary>Runs one step in batches, each its own transaction, until a batch finds nothing.</summary>
    private async Task<int> RepeatAsync(Func<CancellationToken, Task<int>> batch, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var done = await db.WriteAsync(async token => await db.TryLockJobAsync(JobLock, token) ? await batch(token) : 0, ct);
            total += done;
            if (done < options.Value.BatchSize)
                return total;
        }
    }

    private void Record(Alert alert, AlertChangeKind change, DateTimeOffset now)
    {
        // A partner's copy keeps its originator's version numbers: the next version it sends must not collide
        // with one made here. The change-feed row still tells screening and federation.
        if (alert.IsPartnerCopy)
        {
            alert.UpdatedAt = now;
            db.AlertChanges.Add(new AlertChange { AlertId = alert.Id, Version = alert.Version, Change = change, At = now });
            return;
        }
        alert.Version++;
        alert.UpdatedAt = now;
        alert.UpdatedBy = "system";
        db.AlertVersions.Add(new AlertVersion
        {
            AlertId = alert.Id,
            Version = alert.Version,
            Change = change,
            Status = alert.Status,
            ContentJson = change == AlertChangeKind.Purged ? null : PerimeterJson.Serialize(AlertWriter.ContentOf(alert)),
            At = now,
            By = "system",
        });
        db.AlertChanges.Add(new AlertChange { AlertId = alert.Id, Version = alert.Version, Change = change, At = now });
    }

    private void Notify(Alert alert, NotificationKind kind, DateTimeOffset now) =>
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(now),
            Agency = alert.Originator,
            Kind = kind,
            AlertId = alert.Id,
            DueOn = alert.ReviewBy,
            CreatedAt = now,
        });
}

public sealed record RetentionRun(int Warned, int Expired, int Purged);

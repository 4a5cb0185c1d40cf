using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Alerts;

/// <summary>Every read of alerts goes through here: filtered by <see cref="AccessPolicy"/>, and audited.</summary>
public sealed class AlertReader(PerimeterDb db, AuditLog audit, AccessPolicy policy)
{
    public async Task<AlertView?> FindVisibleAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        var decision = alert is null ? AccessDecision.Deny(AccessReason.NotReleased) : policy.Decide(caller, alert);
        await audit.RecordAsync(caller, decision.IsAllowed
            ? new AuditEntry(AuditAction.Read, "alert", [id])
            : AuditEntry.Denied(AuditAction.ReadDenied, "alert", id, alert is null ? "missing" : MarkingText.Of(decision.Reason)), ct);
        return decision.IsAllowed ? AlertView.Of(alert!) : null;
    }

    public async Task<IReadOnlyList<AlertVersionView>?> HistoryAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        var allowed = alert is not null && policy.Decide(caller, alert).IsAllowed && Permissions.MaySeeHistory(caller, alert);
        await audit.RecordAsync(caller, allowed
            ? new AuditEntry(AuditAction.Read, "alert-history", [id])
            : AuditEntry.Denied(AuditAction.ReadDenied, "alert-history", id, alert is null ? "missing" : "not-permitted"), ct);
        if (!allowed)
            return null;
        var versions = await db.AlertVersions.AsNoTracking()
            .Where(v => v.AlertId == id)
            .OrderBy(v => v.Version)
            .ToListAsync(ct);
        return [.. versions.Select(v => new AlertVersionView(v.Version, v.Change, v.Status, v.Justification, v.At, v.By,
            v.ContentJson is null ? null : PerimeterJson.Deserialize<AlertContent>(v.ContentJson)))];
    }

    /// <summary>A page of the alerts the caller may see, newest change first.</summary>
    public async Task<Paged<AlertSummary>> ListAsync(AlertFilter filter, Caller caller, CancellationToken ct)
    {
        var query = db.Alerts.AsNoTracking().Where(policy.VisibleTo<Alert>(caller));
        query = filter.Status is { } status ? query.Where(a => a.Status == status) : query.Where(a => a.Status == AlertStatus.Active);
        if (filter.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.Category is { } category)
            query = query.Where(a => a.Category == category);
        if (filter.Tlp is { } tlp)
            query = query.Where(a => a.Tlp == tlp);
        if (filter.Originator is { Length: > 0 } originator)
            query = query.Where(a => a.Originator == originator);
        if (filter.ReviewBefore is { } before)
            query = query.Where(a => a.ReviewBy < before);
        if (filter.Text is { Length: > 0 } text)
        {
            var folded = AlertContent.Fold(text.Trim());
            query = query.Where(a => a.SearchText != null && a.SearchText.Contains(folded));
        }

        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderByDescending(a => a.UpdatedAt).ThenBy(a => a.Id)
            .Skip(Paging.Offset(filter.Page, filter.PageSize)).Take(filter.PageSize)
            .Select(a => new AlertSummary(a.Id, a.Kind, a.Category, a.DisplayName, a.Originator, a.Version, a.Status, a.Tlp, a.ReviewBy, a.IsPartnerCopy, a.UpdatedAt))
            .ToListAsync(ct);
        await audit.RecordAsync(caller,
            new AuditEntry(AuditAction.Search, "alert", rows.Select(r => (object)r.Id), Detail: $"{filter.Describe()} total={total}"), ct);
        return new Paged<AlertSummary>(rows, filter.Page, filter.PageSize, total);
    }
}

public sealed record AlertFilter
{
    public AlertKind? Kind { get; init; }
    public AlertCategory? Category { get; init; }
    public AlertStatus? Status { get; init; }
    public Tlp? Tlp { get; init; }
    public string? Originator { get; init; }
    public DateOnly? ReviewBefore { get; init; }
    /// <summary>Part of a name or number; matched without accents or case.</summary>
    public string? Text { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    /// <summary>Which filters were used, for the audit record: the text itself may be a name, so only its presence.</summary>
    public string Describe() => string.Join(' ', new[]
    {
        Kind is { } k ? $"kind={MarkingText.Of(k)}" : null,
        Category is { } c ? $"category={MarkingText.Of(c)}" : null,
        Status is { } s ? $"status={MarkingText.Of(s)}" : null,
        Tlp is { } t ? $"tlp={MarkingText.Of(t)}" : null,
        Originator is { Length: > 0 } o ? $"originator={o}" : null,
        ReviewBefore is { } r ? $"review-before={r:yyyy-MM-dd}" : null,
        Text is { Length: > 0 } ? "text=yes" : null,
        $"page={Page}",
    }.Where(p => p is not null));
}

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Storage;

namespace Perimeter.Features.Audit;

/// <summary>The auditor's view of the log; reading it is itself audited.</summary>
public sealed class AuditReader(PerimeterDb db, AuditLog audit)
{
    public async Task<Paged<AuditRecordView>> ListAsync(AuditFilter filter, Caller caller, CancellationToken ct)
    {
        var query = db.AuditRecords.AsNoTracking();
        if (filter.Actor is { Length: > 0 } actor)
            query = query.Where(r => r.ActorId == actor);
        if (filter.Agency is { Length: > 0 } agency)
            query = query.Where(r => r.Agency == agency);
        if (filter.Action is { } action)
            query = query.Where(r => r.Action == action);
        if (filter.Outcome is { } outcome)
            query = query.Where(r => r.Outcome == outcome);
        if (filter.TargetId is { Length: > 0 } target)
        {
            // Ids are space-separated: match whole ids, not a part of one.
            var padded = $" {target.Trim()} ";
            query = query.Where(r => r.TargetIds != null && (" " + r.TargetIds + " ").Contains(padded));
        }
        if (filter.From is { } from)
            query = query.Where(r => r.At >= from);
        if (filter.To is { } to)
            query = query.Where(r => r.At < to);

        var total = await query.CountAsync(ct);
        var records = await query.OrderByDescending(r => r.Sequence)
            .Skip(Paging.Offset(filter.Page, filter.PageSize)).Take(filter.PageSize)
            .ToListAsync(ct);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.AuditRead, "audit", null, Detail: $"page={filter.Page} total={total}"), ct);
        return new Paged<AuditRecordView>([.. records.Select(AuditRecordView.Of)], filter.Page, filter.PageSize, total);
    }

    public async Task<ChainCheck> VerifyAsync(Caller caller, CancellationToken ct)
    {
        var check = await AuditChain.VerifyAsync(db, ct);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.AuditVerified, "audit", null,
            check.IsIntact ? AuditOutcome.Allowed : AuditOutcome.Failed,
            check.FirstBrokenLink is { } broken ? $"broken-at={broken.Sequence}" : $"intact count={check.Count}"), ct);
        return check;
    }
}

public sealed record AuditFilter
{
    public string? Actor { get; init; }
    public string? Agency { get; init; }
    public AuditAction? Action { get; init; }
    public AuditOutcome? Outcome { get; init; }
    public string? TargetId { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record AuditRecordView(
    long Sequence, DateTimeOffset At, ActorKind ActorKind, string ActorId, string? Agency, string? Roles, string? Purpose,
    AuditAction Action, AuditOutcome Outcome, string? Target, string? TargetIds, string? RemoteAddress, string? Detail, string Hash)
{
    public static AuditRecordView Of(AuditRecord r) => new(r.Sequence, r.At, r.ActorKind, r.ActorId, r.Agency, r.Roles, r.Purpose,
        r.Action, r.Outcome, r.Target, r.TargetIds, r.RemoteAddress, r.Detail, r.Hash);
}

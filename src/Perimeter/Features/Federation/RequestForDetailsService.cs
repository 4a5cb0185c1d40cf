using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// Requests for the details behind a partner's hit. The analyst at the asking node files one with a purpose
/// and a justification; a supervisor at the originating node approves or denies it there — two different
/// supervisors above TLP:GREEN (four eyes); the decision travels back signed through the outbox. Each request
/// has a deadline set by its urgency under the agreement; overdue ones are escalated and reported.
/// </summary>
public sealed class RequestForDetailsService(PerimeterDb db, AuditLog audit, AccessPolicy policy, FederationIdentity identity, TimeProvider time)
{
    /// <summary>The asking side: an analyst files a request about a hit reference a partner gave.</summary>
    public async Task<(RequestForDetailsView? Request, FieldErrors Errors)> FileAsync(NewRequestForDetails request, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // A request goes out signed in this node's name: only this agency's own users may file one.
        if (!string.Equals(caller.Agency, identity.Agency, StringComparison.Ordinal))
        {
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.DetailsRequested, "request-for-details", null, AuditOutcome.Denied, "other-agency"), ct);
            errors.Add("partner", "Forbidden");
            return (null, errors);
        }
        errors.Required("partner", request.Partner);
        if (request.Reference == Guid.Empty)
            errors.Add("reference", "Required");
        errors.Required("justification", request.Justification);
        errors.FreeText("justification", request.Justification, 2000);
        if (request.Purpose == Purposes.None || MarkingText.Each(request.Purpose).Count() != 1)
            errors.Add("purpose", "PurposeRequired");
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreement = (await db.Agreements.AsNoTracking().Where(a => a.Partner == request.Partner).ToListAsync(ct))
            .FirstOrDefault(a => a.RefusesQuery(request.Purpose, today) is null);
        if (errors.Count == 0 && agreement is null)
            errors.Add("partner", "NoAgreement");
        if (errors.Count > 0)
            return (null, errors);

        var now = time.GetUtcNow();
        var filed = await db.WriteAsync(async token =>
        {
            var row = new RequestForDetails
            {
                Id = Guid.CreateVersion7(now),
                Direction = RequestDirection.Outgoing,
                Partner = request.Partner,
                Reference = request.Reference,
                Purpose = request.Purpose,
                Justification = request.Justification!.Trim(),
                Urgency = request.Urgency,
                Status = RequestStatus.Pending,
                CreatedAt = now,
                RequestedBy = caller.ActorId,
                DueAt = now.AddHours(HoursFor(agreement!, request.Urgency)),
            };
            db.RequestsForDetails.Add(row);
            Queue(request.Partner, DocumentType.RequestForDetails, identity.Sign(new RequestForDetailsDocument
            {
                Asker = identity.Agency,
                Originator = request.Partner,
                RequestId = row.Id,
                Reference = row.Reference,
                Purpose = row.Purpose,
                Justification = row.Justification,
                Urgency = row.Urgency,
                RequestedBy = caller.ActorId,
                SignedAt = now,
            }), now);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DetailsRequested, "request-for-details", [row.Id],
                Detail: $"partner={row.Partner} reference={row.Reference} urgency={MarkingText.Of(row.Urgency)}"), token);
            return row;
        }, ct);
        return (RequestForDetailsView.Of(filed), errors);
    }

    /// <summary>The originating side, inside the receiver's unit of work: records the partner's request against the hit it was given.</summary>
    internal async Task ReceiveRequestAsync(Partner sender, RequestForDetailsDocument request, Caller partner, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var hit = await db.PartnerHits.AsNoTracking().SingleOrDefaultAsync(h => h.Reference == request.Reference && h.Asker == sender.Agency, ct);
        var agreement = (await db.Agreements.AsNoTracking().Where(a => a.Partner == sender.Agency).ToListAsync(ct))
            .FirstOrDefault(a => a.RefusesQuery(request.Purpose, today) is null);
        // The details are asked for the purpose the hit was answered under, and no other.
        var refusal = hit is null ? "unknown-reference"
            : hit.Purpose != request.Purpose ? "purpose-differs-from-hit"
            : agreement is null ? "no-agreement"
            : await db.RequestsForDetails.AnyAsync(r => r.Id == request.RequestId, ct) ? "duplicate"
            : null;
        if (refusal is not null)
        {
            await audit.AppendAsync(partner, new AuditEntry(AuditAction.DetailsRequested, "request-for-details", [request.RequestId], AuditOutcome.Denied, refusal), ct);
            return;
        }
        var now = time.GetUtcNow();
        db.RequestsForDetails.Add(new RequestForDetails
        {
            Id = request.RequestId,
            Direction = RequestDirection.Incoming,
            Partner = sender.Agency,
            Reference = request.Reference,
            AlertId = hit!.AlertId,
            Purpose = request.Purpose,
            Justification = request.Justification,
            Urgency = request.Urgency,
            Status = RequestStatus.Pending,
            CreatedAt = now,
            RequestedBy = $"{sender.Agency}:{request.RequestedBy}",
            DueAt = now.AddHours(HoursFor(agreement!, request.Urgency)),
        });
        await audit.AppendAsync(partner, new AuditEntry(AuditAction.DetailsRequested, "request-for-details", [request.RequestId, hit.AlertId],
            Detail: $"from={sender.Agency} urgency={MarkingText.Of(request.Urgency)}"), ct);
    }

    /// <summary>The asking side, inside the receiver's unit of work: keeps the originator's signed decision.</summary>
    internal async Task ReceiveReleaseAsync(Partner sender, ReleaseDocument release, SignedDocument signed, Caller partner, CancellationToken ct)
    {
        var row = await db.RequestsForDetails.SingleOrDefaultAsync(r => r.Id == release.RequestId && r.Direction == RequestDirection.Outgoing && r.Partner == sender.Agency, ct);
        if (row is null || row.Status is RequestStatus.Approved or RequestStatus.Denied)
        {
            await audit.AppendAsync(partner, new AuditEntry(AuditAction.DetailsReleased, "request-for-details", [release.RequestId], AuditOutcome.Denied,
                row is null ? "unknown-request" : "already-decided"), ct);
            return;
        }
        row.Status = release.Approved ? RequestStatus.Approved : RequestStatus.Denied;
        row.AlertId = release.AlertId;
        row.DenialReason = release.DenialReason;
        row.DecidedAt = release.SignedAt;
        row.ReleasePayload = signed.Payload;
        row.ReleaseSignature = signed.Signature;
        await audit.AppendAsync(partner, new AuditEntry(release.Approved ? AuditAction.DetailsReleased : AuditAction.DetailsDenied, "request-for-details",
            release.AlertId is { } alert ? [row.Id, alert] : [row.Id], Detail: $"from={sender.Agency}"), ct);
    }

    /// <summary>A supervisor of the originating node approves; above TLP:GREEN a second, different supervisor must approve too.</summary>
    public async Task<Decision> ApproveAsync(Guid id, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            var (row, alert, refusal) = await IncomingAsync(id, caller, token);
            if (refusal is not null)
                return refusal;
            var now = time.GetUtcNow();
            if (alert!.Tlp > Tlp.Green && row!.FirstApprover is null)
            {
                row.FirstApprover = caller.ActorId;
                row.Status = RequestStatus.AwaitingSecondApproval;
                await audit.AppendAsync(caller, new AuditEntry(AuditAction.DetailsApproved, "request-for-details", [row.Id, alert.Id], Detail: "first of two approvals"), token);
                return Decision.Of(row);
            }
            if (row!.FirstApprover == caller.ActorId)
            {
                await audit.AppendAsync(caller, AuditEntry.Denied(AuditAction.DetailsApproved, "request-for-details", row.Id, "four-eyes: the same supervisor"), token);
                return Decision.Refused("SecondApproverMustDiffer");
            }
            if (row.FirstApprover is null)
                row.FirstApprover = caller.ActorId;
            else
                row.SecondApprover = caller.ActorId;
            row.Status = RequestStatus.Approved;
            row.DecidedAt = now;
            Queue(row.Partner, DocumentType.Release, identity.Sign(new ReleaseDocument
            {
                Originator = identity.Agency,
                Asker = row.Partner,
                RequestId = row.Id,
                Approved = true,
                AlertId = alert.Id,
                Content = AlertWriter.ContentOf(alert),
                DecidedBy = row.SecondApprover is null ? [row.FirstApprover!] : [row.FirstApprover!, row.SecondApprover],
                SignedAt = now,
            }), now);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DetailsReleased, "request-for-details", [row.Id, alert.Id], Detail: $"to={row.Partner}"), token);
            return Decision.Of(row);
        }, ct);

    public async Task<Decision> DenyAsync(Guid id, string? reason, Caller caller, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 2000)
            return Decision.Refused("Required");
        return await db.WriteAsync(async token =>
        {
            var (row, alert, refusal) = await IncomingAsync(id, caller, token);
            if (refusal is not null)
                return refusal;
            var now = time.GetUtcNow();
            row!.Status = RequestStatus.Denied;
            row.DecidedAt = now;
            row.DenialReason = reason.Trim();
            Queue(row.Partner, DocumentType.Release, identity.Sign(new ReleaseDocument
            {
                Originator = identity.Agency,
                Asker = row.Partner,
                RequestId = row.Id,
                Approved = false,
                DenialReason = row.DenialReason,
                DecidedBy = [caller.ActorId],
                SignedAt = now,
            }), now);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.DetailsDenied, "request-for-details", [row.Id, alert!.Id], Detail: $"to={row.Partner}"), token);
            return Decision.Of(row);
        }, ct);
    }

    /// <summary>The requests, newest first, without any released details: those are read one at a time through <see cref="FindAsync"/>.</summary>
    public async Task<IReadOnlyList<RequestForDetailsView>> ListAsync(bool overdueOnly, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await db.RequestsForDetails.AsNoTracking().OrderByDescending(r => r.CreatedAt).Take(500).ToListAsync(ct);
        return [.. rows.Where(r => !overdueOnly || IsOverdue(r, now)).Select(r => RequestForDetailsView.Of(r, now) with { Details = null, Release = null })];
    }

    /// <summary>
    /// One request; the details a partner released come with it only for this agency's own users working under the purpose
    /// they were asked for, and reading them is audited like any alert read.
    /// </summary>
    public async Task<RequestForDetailsView?> FindAsync(Guid id, Caller caller, CancellationToken ct)
    {
        if (await db.RequestsForDetails.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } row)
            return null;
        var view = RequestForDetailsView.Of(row, time.GetUtcNow());
        if (view.Details is null)
            return view;
        var allowed = string.Equals(caller.Agency, identity.Agency, StringComparison.Ordinal) && (caller.Purpose & row.Purpose) != 0;
        await audit.RecordAsync(caller, allowed
            ? new AuditEntry(AuditAction.Read, "released-details", row.AlertId is { } alert ? [row.Id, alert] : [row.Id])
            : AuditEntry.Denied(AuditAction.ReadDenied, "released-details", row.Id, "purpose"), ct);
        return allowed ? view : view with { Details = null, Release = null };
    }

    /// <summary>Marks requests past their deadline, incoming (ours to answer) and outgoing (the partner's), once each, audited.</summary>
    public async Task<int> EscalateAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return await db.WriteAsync(async token =>
        {
            var due = await db.RequestsForDetails
                .Where(r => r.EscalatedAt == null && (r.Status == RequestStatus.Pending || r.Status == RequestStatus.AwaitingSecondApproval) && r.DueAt <= now)
                .OrderBy(r => r.DueAt).Take(500).ToListAsync(token);
            foreach (var row in due)
            {
                row.EscalatedAt = now;
                await audit.AppendAsync(Caller.System(identity.Agency), new AuditEntry(AuditAction.DetailsEscalated, "request-for-details", [row.Id],
                    Detail: row.Direction == RequestDirection.Incoming ? $"not answered to {row.Partner} by {row.DueAt:u}" : $"{row.Partner} did not answer by {row.DueAt:u}"), token);
            }
            return due.Count;
        }, ct);
    }

    private async Task<(RequestForDetails?, Alert?, Decision?)> IncomingAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var row = await db.RequestsForDetails.SingleOrDefaultAsync(r => r.Id == id && r.Direction == RequestDirection.Incoming, ct);
        if (row is null)
        {
            await audit.AppendAsync(caller, AuditEntry.Denied(AuditAction.DetailsApproved, "request-for-details", id, "missing"), ct);
            return (null, null, Decision.NotFound());
        }
        if (!caller.Has(Role.Supervisor) || !string.Equals(caller.Agency, identity.Agency, StringComparison.Ordinal))
        {
            await audit.AppendAsync(caller, AuditEntry.Denied(AuditAction.DetailsApproved, "request-for-details", row.Id, "not-a-supervisor"), ct);
            return (null, null, Decision.Refused("Forbidden"));
        }
        if (row.Status is RequestStatus.Approved or RequestStatus.Denied)
        {
            await audit.AppendAsync(caller, AuditEntry.Denied(AuditAction.DetailsApproved, "request-for-details", row.Id, "already-decided"), ct);
            return (null, null, Decision.Refused("AlreadyDecided"));
        }
        // Checked again now, not only when the hit was answered: the alert may have been re-marked, the agreement suspended.
        var alert = await db.Alerts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == row.AlertId, ct);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreed = (await db.Agreements.AsNoTracking().Where(a => a.Partner == row.Partner).ToListAsync(ct))
            .Any(a => a.RefusesQuery(row.Purpose, today) is null);
        if (alert is null || !policy.MayAnswerHitNoHit(PartnerCaller.Asking(row.Partner, row.Purpose), alert) || !agreed)
        {
            await audit.AppendAsync(caller, AuditEntry.Denied(AuditAction.DetailsApproved, "request-for-details", row.Id,
                alert is null || alert.Status != AlertStatus.Active ? "not-active" : !agreed ? "no-agreement" : "not-releasable"), ct);
            return (null, null, Decision.Refused("NotActive"));
        }
        return (row, alert, null);
    }

    private void Queue(string partner, string type, SignedDocument document, DateTimeOffset now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(now),
            Partner = partner,
            Type = type,
            Signer = document.Signer,
            Payload = document.Payload,
            Signature = document.Signature,
            CreatedAt = now,
        });

    private static int HoursFor(Agreement agreement, Urgency urgency) => urgency switch
    {
        Urgency.Urgent => agreement.UrgentHours,
        Urgency.Routine => agreement.RoutineHours,
    };

    internal static bool IsOverdue(RequestForDetails row, DateTimeOffset now) =>
        row.Status is RequestStatus.Pending or RequestStatus.AwaitingSecondApproval && row.DueAt <= now;
}

public sealed record NewRequestForDetails(string Partner, Guid Reference, Purposes Purpose, string? Justification, Urgency Urgency = Urgency.Routine);

public sealed record RequestForDetailsView(
    Guid Id, RequestDirection Direction, string Partner, Guid Reference, Guid? AlertId, Purposes Purpose, string Justification, Urgency Urgency,
    RequestStatus Status, DateTimeOffset CreatedAt, DateTimeOffset DueAt, bool Overdue, DateTimeOffset? EscalatedAt, string? FirstApprover,
    string? SecondApprover, string? DenialReason, AlertContent? Details, SignedDocument? Release)
{
    public static RequestForDetailsView Of(RequestForDetails r) => Of(r, DateTimeOffset.MinValue);

    public static RequestForDetailsView Of(RequestForDetails r, DateTimeOffset now) => new(
        r.Id, r.Direction, r.Partner, r.Reference, r.AlertId, r.Purpose, r.Justification, r.Urgency, r.Status, r.CreatedAt, r.DueAt,
        RequestForDetailsService.IsOverdue(r, now), r.EscalatedAt, r.FirstApprover, r.SecondApprover, r.DenialReason,
        r.ReleasePayload is null ? null : PerimeterJson.Deserialize<ReleaseDocument>(r.ReleasePayload).Content,
        r.ReleasePayload is null ? null : new SignedDocument(r.Partner, r.ReleasePayload, r.ReleaseSignature ?? ""));
}

/// <summary>A supervisor's decision, or why it could not be made.</summary>
public sealed record Decision(RequestForDetailsView? Request, string? Refusal, bool IsNotFound = false)
{
    public static Decision Of(RequestForDetails row) => new(RequestForDetailsView.Of(row), null);
    public static Decision Refused(string messageKey) => new(null, messageKey);
    public static Decision NotFound() => new(null, null, IsNotFound: true);
}

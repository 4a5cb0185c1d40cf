using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Alerts;

/// <summary>
/// Every change to alerts: publish, update, extend, retract, import. Each runs as one unit of work
/// with its new version, its change-feed row and its audit record.
/// </summary>
public sealed class AlertWriter(PerimeterDb db, AuditLog audit, AccessPolicy policy, IOptions<AlertOptions> options, TimeProvider time)
{
    private AlertOptions Options => options.Value;

    public async Task<AlertWrite> PublishAsync(AlertContent request, Caller caller, CancellationToken ct)
    {
        if (!Permissions.MayPublish(caller))
            return await DenyAsync(AuditAction.Publish, caller, null, ct);
        var errors = request.Validate();
        ValidateReviewBy(request.Markings.ReviewBy, current: null, errors);
        if (errors.Count > 0)
            return AlertWrite.Invalid(errors);
        var content = request.Normalized();

        return await db.WriteAsync(async token =>
        {
            if (content.ExternalRef is { } reference
                && await db.Alerts.AnyAsync(a => a.Originator == caller.Agency && a.ExternalRef == reference, token))
            {
                var duplicate = new FieldErrors();
                duplicate.Add("externalRef", "AlreadyExists");
                return AlertWrite.Invalid(duplicate);
            }
            var alert = NewAlert(content, caller);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Publish, "alert", [alert.Id]), token);
            return AlertWrite.Ok(alert);
        }, ct);
    }

    public async Task<AlertWrite> UpdateAsync(Guid id, int? expectedVersion, AlertContent request, Caller caller, CancellationToken ct)
    {
        return await db.WriteAsync(async token =>
        {
            var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, token);
            if (await RefuseChangeAsync(alert, AuditAction.Update, caller, Permissions.MayEdit, token) is { } refused)
                return refused;
            var errors = request.Validate();
            if (request.Kind != alert!.Kind)
                errors.Add("kind", "KindCannotChange");
            if (request.Markings.ReviewBy is { } reviewBy && reviewBy > alert.ReviewBy)
                errors.Add("markings.reviewBy", "JustificationRequired");
            ValidateReviewBy(request.Markings.ReviewBy, alert.ReviewBy, errors);
            if (errors.Count > 0)
                return AlertWrite.Invalid(errors);
            if (expectedVersion is { } expected && expected != alert.Version)
                return AlertWrite.Conflict(expected, alert.Version);

            var content = request.Normalized();
            Apply(alert, content with { Markings = content.Markings with { ReviewBy = content.Markings.ReviewBy ?? alert.ReviewBy } }, caller);
            AddVersion(alert, AlertChangeKind.Updated, caller, justification: null);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Update, "alert", [alert.Id], Detail: $"version {alert.Version}"), token);
            return AlertWrite.Ok(alert);
        }, ct);
    }

    /// <summary>Moves the review-by date on; the justification is kept with the new version.</summary>
    public async Task<AlertWrite> ExtendAsync(Guid id, DateOnly? reviewBy, string? justification, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, token);
            if (await RefuseChangeAsync(alert, AuditAction.Extend, caller, Permissions.MayExtend, token) is { } refused)
                return refused;
            var errors = new FieldErrors();
            errors.Required("justification", justification);
            errors.FreeText("justification", justification, 2000);
            var newDate = reviewBy ?? DefaultReviewBy(alert!.Category);
            ValidateReviewBy(newDate, alert!.ReviewBy, errors, field: "reviewBy");
            if (errors.Count > 0)
                return AlertWrite.Invalid(errors);

            alert.ReviewBy = newDate;
            alert.ReviewWarnedAt = null;
            // The review it was warned about is done.
            await db.Notifications.Where(n => n.AlertId == alert.Id && n.DismissedAt == null)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.DismissedAt, time.GetUtcNow()), token);
            Touch(alert, caller);
            AddVersion(alert, AlertChangeKind.Extended, caller, justification!.Trim());
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Extend, "alert", [alert.Id], Detail: $"version {alert.Version} review-by {newDate:yyyy-MM-dd}"), token);
            return AlertWrite.Ok(alert);
        }, ct);

    /// <summary>Withdraws an alert: it stops being screened and shared; the record that it existed stays.</summary>
    public async Task<AlertWrite> RetractAsync(Guid id, string? justification, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, token);
            if (await RefuseChangeAsync(alert, AuditAction.Retract, caller, Permissions.MayEdit, token) is { } refused)
                return refused;
            var errors = new FieldErrors();
            errors.Required("justification", justification);
            errors.FreeText("justification", justification, 2000);
            if (errors.Count > 0)
                return AlertWrite.Invalid(errors);

            alert!.Status = AlertStatus.Retracted;
            Touch(alert, caller);
            AddVersion(alert, AlertChangeKind.Retracted, caller, justification!.Trim());
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Retract, "alert", [alert.Id], Detail: $"version {alert.Version}"), token);
            return AlertWrite.Ok(alert);
        }, ct);

    /// <summary>
    /// Publishes or updates a whole file's alerts by their external reference, all or nothing: an
    /// alert whose content is unchanged keeps its version, so a second import changes nothing.
    /// </summary>
    public async Task<ImportResult> ImportAsync(IReadOnlyList<AlertContent> contents, string source, Caller caller, CancellationToken ct)
    {
        var today = Today();
        for (var i = 0; i < contents.Count; i++)
        {
            var errors = contents[i].Validate();
            if (contents[i].Markings.ReviewBy is { } reviewBy && reviewBy <= today)
                errors.Add("markings.reviewBy", "ReviewByInPast");
            if (errors.Count > 0)
                return ImportResult.Invalid(i, errors);
        }
        var normalized = contents.Select(c => c.Normalized()).ToList();

        return await db.WriteAsync(async token =>
        {
            var existing = await db.Alerts
                .Where(a => a.Originator == caller.Agency && a.ExternalRef != null)
                .ToDictionaryAsync(a => a.ExternalRef!, StringComparer.Ordinal, token);
            int created = 0, updated = 0, unchanged = 0, leftRetracted = 0;
            foreach (var content in normalized)
            {
                if (content.ExternalRef is { } reference && existing.TryGetValue(reference, out var alert))
                {
                    // A retraction made here stands: the source listing the entry again does not undo an analyst's
                    // decision; the count tells the importer, and an analyst re-publishes the entry if it should be screened.
                    if (alert.Status == AlertStatus.Retracted)
                    {
                        leftRetracted++;
                        continue;
                    }
                    // A record without a review-by date keeps the one the alert has, unless that has passed (an expired
                    // alert the source lists again): then it gets a new one, as a new alert would.
                    var reviewBy = content.Markings.ReviewBy ?? (alert.ReviewBy > today ? alert.ReviewBy : DefaultReviewBy(content.Category));
                    var incoming = content with { Markings = content.Markings with { ReviewBy = reviewBy } };
                    if (alert.ContentHash == HashOf(incoming) && alert.Status == AlertStatus.Active)
                    {
                        unchanged++;
                        continue;
                    }
                    Apply(alert, incoming, caller);
                    alert.Status = AlertStatus.Active;
                    AddVersion(alert, AlertChangeKind.Updated, caller, justification: $"import {source}");
                    updated++;
                }
                else
                {
                    var added = NewAlert(content, caller);
                    if (content.ExternalRef is { } newReference)
                        existing[newReference] = added;
                    created++;
                }
            }
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Import, "import", null,
                Detail: $"source={source} created={created} updated={updated} unchanged={unchanged} left-retracted={leftRetracted}"), token);
            return ImportResult.Done(created, updated, unchanged, leftRetracted);
        }, ct);
    }

    /// <summary>
    /// Applies a version a partner originated to this node's read-only copy, keeping the originator's version
    /// number. Runs inside the caller's unit of work (federation checks the signature and agreement first);
    /// the change-feed row it writes lets this node pass the copy on where the originator allows it. The caller
    /// passes the copy it holds now, tracked by this unit of work, or null for a first version.
    /// </summary>
    public async Task<Alert> ApplyPartnerVersionAsync(PartnerVersion version, Alert? copy, Caller partner, CancellationToken ct)
    {
        if (!db.IsInWriteTransaction)
            throw new InvalidOperationException("Partner versions are applied inside PerimeterDb.WriteAsync only.");
        var alert = copy;
        if (alert is null)
        {
            alert = new Alert
            {
                Id = version.AlertId,
                Originator = version.Originator,
                IsPartnerCopy = true,
                CreatedAt = time.GetUtcNow(),
                CreatedBy = partner.ActorId,
                UpdatedBy = partner.ActorId,
            };
            db.Alerts.Add(alert);
        }
        if (version.Content is { } content)
            Apply(alert, content.Normalized(), partner);
        alert.Version = version.Version;
        alert.Status = version.Status;
        alert.UpdatedAt = time.GetUtcNow();
        alert.UpdatedBy = partner.ActorId;
        if (version.Status == AlertStatus.Purged)
        {
            ErasePersonalData(alert, time.GetUtcNow());
            await db.AlertVersions.Where(v => v.AlertId == alert.Id)
                .ExecuteUpdateAsync(v => v.SetProperty(x => x.ContentJson, (string?)null), ct);
        }
        var now = time.GetUtcNow();
        db.AlertVersions.Add(new AlertVersion
        {
            AlertId = alert.Id,
            Version = alert.Version,
            Change = version.Change,
            Status = alert.Status,
            ContentJson = alert.Status == AlertStatus.Purged ? null : PerimeterJson.Serialize(ContentOf(alert)),
            At = now,
            By = partner.ActorId,
        });
        db.AlertChanges.Add(new AlertChange { AlertId = alert.Id, Version = alert.Version, Change = version.Change, At = now });
        return alert;
    }

    /// <summary>Deletes an alert's personal data, keeping the record that it existed.</summary>
    public static void ErasePersonalData(Alert alert, DateTimeOffset now)
    {
        alert.Status = AlertStatus.Purged;
        alert.PurgedAt = now;
        alert.Narrative = null;
        alert.SubjectJson = null;
        alert.DisplayName = null;
        alert.SearchText = null;
        alert.ContentHash = null;
    }

    private Alert NewAlert(AlertContent content, Caller caller)
    {
        var now = time.GetUtcNow();
        var alert = new Alert
        {
            Id = Guid.CreateVersion7(now),
            Originator = caller.Agency,
            Version = 0,
            Status = AlertStatus.Active,
            CreatedAt = now,
            CreatedBy = caller.ActorId,
            UpdatedBy = caller.ActorId,
        };
        Apply(alert, content with { Markings = content.Markings with { ReviewBy = content.Markings.ReviewBy ?? DefaultReviewBy(content.Category) } }, caller);
        db.Alerts.Add(alert);
        AddVersion(alert, AlertChangeKind.Published, caller, justification: null);
        return alert;
    }

    /// <summary>When an alert with no review-by date of its own is next reviewed: its category's review period from today.</summary>
    private DateOnly DefaultReviewBy(AlertCategory category) => Today().AddMonths(Options.ReviewMonthsFor(category));

    private void Apply(Alert alert, AlertContent content, Caller caller)
    {
        alert.Kind = content.Kind;
        alert.Category = content.Category;
        alert.ActionOnHit = content.ActionOnHit;
        alert.ExternalRef = content.ExternalRef;
        alert.Tlp = content.Markings.Tlp;
        alert.ReleasabilityKey = AccessPolicy.KeyOf(content.Markings.ReleasableTo);
        alert.Handling = content.Markings.Handling;
        alert.SourceReliability = content.Markings.SourceReliability;
        alert.InformationCredibility = content.Markings.InformationCredibility;
        alert.Purposes = content.Markings.Purposes;
        alert.ReviewBy = content.Markings.ReviewBy!.Value;
        alert.Narrative = content.Narrative;
        alert.SubjectJson = PerimeterJson.Serialize(content.Subject);
        alert.DisplayName = Cut(content.DisplayName(), 300);
        alert.SearchText = content.SearchText();
        alert.ContentHash = HashOf(content);
        Touch(alert, caller);
    }

    private void Touch(Alert alert, Caller caller)
    {
        alert.Version++;
        alert.UpdatedAt = time.GetUtcNow();
        alert.UpdatedBy = caller.ActorId;
    }

    private void AddVersion(Alert alert, AlertChangeKind change, Caller caller, string? justification)
    {
        var now = time.GetUtcNow();
        db.AlertVersions.Add(new AlertVersion
        {
            AlertId = alert.Id,
            Version = alert.Version,
            Change = change,
            Status = alert.Status,
            ContentJson = PerimeterJson.Serialize(ContentOf(alert)),
            Justification = justification,
            At = now,
            By = caller.ActorId,
        });
        db.AlertChanges.Add(new AlertChange { AlertId = alert.Id, Version = alert.Version, Change = change, At = now });
    }

    /// <summary>The content of the alert's current version, as it was published.</summary>
    public static AlertContent ContentOf(Alert alert) => new()
    {
        Kind = alert.Kind,
        Category = alert.Category,
        ActionOnHit = alert.ActionOnHit,
        Narrative = alert.Narrative,
        Markings = alert.Markings,
        Subject = alert.SubjectJson is null ? new AlertSubject() : PerimeterJson.Deserialize<AlertSubject>(alert.SubjectJson),
        ExternalRef = alert.ExternalRef,
    };

    private async Task<AlertWrite?> RefuseChangeAsync(
        Alert? alert, AuditAction action, Caller caller, Func<Caller, IMarked, bool> may, CancellationToken ct)
    {
        if (alert is null)
            return AlertWrite.NotFound();
        if (!may(caller, alert))
        {
            // Someone who cannot even see the alert (whatever the purpose) learns nothing from the answer.
            var visible = policy.Decide(caller.WithPurpose(alert.Purposes), alert).IsAllowed;
            await audit.AppendAsync(caller, AuditEntry.Denied(action, "alert", alert.Id, alert.IsPartnerCopy ? "partner-copy" : "not-permitted"), ct);
            return visible ? AlertWrite.Forbidden(alert.IsPartnerCopy ? "PartnerCopyReadOnly" : "Forbidden") : AlertWrite.NotFound();
        }
        return alert.Status == AlertStatus.Active ? null : AlertWrite.NotActive();
    }

    private async Task<AlertWrite> DenyAsync(AuditAction action, Caller caller, Guid? id, CancellationToken ct)
    {
        await audit.RecordAsync(caller, new AuditEntry(action, "alert", id is null ? null : [id.Value], AuditOutcome.Denied, "role"), ct);
        return AlertWrite.Forbidden("Forbidden");
    }

    private void ValidateReviewBy(DateOnly? reviewBy, DateOnly? current, FieldErrors errors, string field = "markings.reviewBy")
    {
        if (reviewBy is not { } date || date == current)
            return;
        var today = Today();
        if (date <= today)
            errors.Add(field, "ReviewByInPast");
        else if (date > today.AddMonths(Options.MaxReviewMonths))
            errors.Add(field, "ReviewByTooFar", Options.MaxReviewMonths);
    }

    private DateOnly Today() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static string? Cut(string text, int length) =>
        text.Length == 0 ? null : text.Length <= length ? text : text[..length];

    private static string HashOf(AlertContent content) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(PerimeterJson.Serialize(content))));
}

public enum AlertWriteStatus
{
    Ok,
    Invalid,
    NotFound,
    Forbidden,
    Conflict,
    NotActive,
}

/// <summary>The outcome of a change: the alert, or why not.</summary>
public sealed record AlertWrite(AlertWriteStatus Status, Alert? Alert = null, FieldErrors? Errors = null, string? MessageKey = null, object?[]? MessageArgs = null)
{
    public static AlertWrite Ok(Alert alert) => new(AlertWriteStatus.Ok, alert);
    public static AlertWrite Invalid(FieldErrors errors) => new(AlertWriteStatus.Invalid, Errors: errors);
    public static AlertWrite NotFound() => new(AlertWriteStatus.NotFound, MessageKey: "NotFound");
    public static AlertWrite Forbidden(string messageKey) => new(AlertWriteStatus.Forbidden, MessageKey: messageKey);
    public static AlertWrite Conflict(int expected, int found) => new(AlertWriteStatus.Conflict, MessageKey: "Conflict", MessageArgs: [expected, found]);
    public static AlertWrite NotActive() => new(AlertWriteStatus.NotActive, MessageKey: "NotActive");
}

/// <summary>A version of a partner's alert, as its originator signed it; no content when it only changes the status.</summary>
public sealed record PartnerVersion(Guid AlertId, string Originator, int Version, AlertChangeKind Change, AlertStatus Status, AlertContent? Content);

/// <summary>What an import did; <see cref="LeftRetracted"/> counts entries the source lists that were retracted here and stay so.</summary>
public sealed record ImportResult(int Created, int Updated, int Unchanged, int LeftRetracted = 0, int? InvalidIndex = null, FieldErrors? Errors = null)
{
    public bool IsValid => Errors is null;
    public static ImportResult Done(int created, int updated, int unchanged, int leftRetracted) => new(created, updated, unchanged, leftRetracted);
    public static ImportResult Invalid(int index, FieldErrors errors) => new(0, 0, 0, 0, index, errors);
}

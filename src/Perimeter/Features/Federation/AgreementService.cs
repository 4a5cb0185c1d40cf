using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>Agreements with partners: added, listed, suspended — each change audited.</summary>
public sealed class AgreementService(PerimeterDb db, AuditLog audit, TimeProvider time)
{
    public async Task<(AgreementView? Agreement, FieldErrors Errors)> AddAsync(NewAgreement request, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var kinds = Words<AlertKind>("kinds", request.Kinds, errors);
        var categories = Words<AlertCategory>("categories", request.Categories, errors);
        if (request.Purposes == Purposes.None)
            errors.Add("purposes", "Required");
        if (request.RetentionDays is < 1 or > 3650)
            errors.Add("retentionDays", "OutOfRange");
        if (request.UrgentHours is < 1 or > 720)
            errors.Add("urgentHours", "OutOfRange");
        if (request.RoutineHours is < 1 or > 720)
            errors.Add("routineHours", "OutOfRange");
        if (!Enum.IsDefined(request.Mode))
            errors.Add("mode", "InvalidValue", request.Mode);
        if (request.ValidUntil is { } until && until < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime))
            errors.Add("validUntil", "ReviewByInPast");
        if (errors.Count == 0 && !await db.Partners.AnyAsync(p => p.Agency == request.Partner, ct))
            errors.Add("partner", "UnknownPartner", request.Partner);
        if (errors.Count > 0)
            return (null, errors);

        var agreement = await db.WriteAsync(async token =>
        {
            var added = new Agreement
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                Partner = request.Partner,
                Mode = request.Mode,
                KindsKey = AccessPolicy.KeyOf(kinds),
                CategoriesKey = AccessPolicy.KeyOf(categories),
                Purposes = request.Purposes,
                HighestTlp = request.HighestTlp,
                RetentionDays = request.RetentionDays,
                HitReporting = request.HitReporting,
                UrgentHours = request.UrgentHours,
                RoutineHours = request.RoutineHours,
                Status = AgreementStatus.Active,
                ValidUntil = request.ValidUntil,
                CreatedAt = time.GetUtcNow(),
                CreatedBy = caller.ActorId,
            };
            db.Agreements.Add(added);
            // What the node already holds becomes shareable too: the relay reads the change feed again from the
            // start, and skips every version a partner was already sent.
            if (request.Mode == AgreementMode.Replicate)
                await db.RelayCursors.Where(c => c.Id == 1).ExecuteUpdateAsync(c => c.SetProperty(x => x.LastChange, 0L), token);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.AgreementAdded, "agreement", [added.Id], Detail: $"partner={added.Partner} mode={MarkingText.Of(added.Mode)}"), token);
            return added;
        }, ct);
        return (AgreementView.Of(agreement), errors);
    }

    public async Task<IReadOnlyList<AgreementView>> ListAsync(CancellationToken ct) =>
        [.. (await db.Agreements.AsNoTracking().OrderBy(a => a.Partner).ThenBy(a => a.CreatedAt).ToListAsync(ct)).Select(AgreementView.Of)];

    /// <summary>Stops the flow under the agreement at once: nothing more is sent or accepted under it.</summary>
    public async Task<AgreementView?> SuspendAsync(Guid id, Caller caller, CancellationToken ct) =>
        await db.WriteAsync(async token =>
        {
            var agreement = await db.Agreements.FindAsync([id], token);
            if (agreement is null)
                return null;
            agreement.Status = AgreementStatus.Suspended;
            agreement.SuspendedAt ??= time.GetUtcNow();
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.AgreementSuspended, "agreement", [id], Detail: $"partner={agreement.Partner}"), token);
            return AgreementView.Of(agreement);
        }, ct);

    private static List<string> Words<TEnum>(string field, IReadOnlyList<string>? words, FieldErrors errors) where TEnum : struct, Enum
    {
        var result = new List<string>();
        if (words is null || words.Count == 0)
        {
            errors.Add(field, "Required");
            return result;
        }
        foreach (var word in words)
        {
            if (string.Equals(word?.Trim(), Agreement.Any, StringComparison.Ordinal))
                result.Add(Agreement.Any);
            else if (MarkingText.TryParse<TEnum>(word, out var value))
                result.Add(MarkingText.Of(value));
            else
                errors.Add(field, "InvalidValue", word);
        }
        return result;
    }
}

public sealed record NewAgreement
{
    public required string Partner { get; init; }
    public AgreementMode Mode { get; init; } = AgreementMode.Replicate;
    /// <summary>Alert kinds (<c>person</c>, <c>vehicle</c>…) or <c>*</c>.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }
    /// <summary>Alert categories (<c>wanted-for-arrest</c>…) or <c>*</c>.</summary>
    public required IReadOnlyList<string> Categories { get; init; }
    public required Purposes Purposes { get; init; }
    public Tlp HighestTlp { get; init; } = Tlp.Amber;
    public int RetentionDays { get; init; } = 365;
    public bool HitReporting { get; init; }
    /// <summary>Deadline for an urgent request for details, in hours.</summary>
    public int UrgentHours { get; init; } = 1;
    /// <summary>Deadline for a routine request for details, in hours.</summary>
    public int RoutineHours { get; init; } = 12;
    public DateOnly? ValidUntil { get; init; }
}

public sealed record AgreementView(
    Guid Id, string Partner, AgreementMode Mode, IReadOnlyList<string> Kinds, IReadOnlyList<string> Categories, Purposes Purposes,
    Tlp HighestTlp, int RetentionDays, bool HitReporting, int UrgentHours, int RoutineHours, AgreementStatus Status, DateOnly? ValidUntil,
    DateTimeOffset CreatedAt, DateTimeOffset? SuspendedAt)
{
    public static AgreementView Of(Agreement a) => new(a.Id, a.Partner, a.Mode, AccessPolicy.TargetsOf(a.KindsKey), AccessPolicy.TargetsOf(a.CategoriesKey),
        a.Purposes, a.HighestTlp, a.RetentionDays, a.HitReporting, a.UrgentHours, a.RoutineHours, a.Status, a.ValidUntil, a.CreatedAt, a.SuspendedAt);
}

using Perimeter.Features.Access;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Federation;

/// <summary>
/// What this node agreed to exchange with one partner. The partner holds its own; both must allow a message
/// before it flows: the sender checks its agreement when it queues and when it sends, the receiver before it stores.
/// </summary>
public sealed class Agreement
{
    /// <summary>Matches every kind or every category.</summary>
    public const string Any = "*";

    public Guid Id { get; set; }
    public required string Partner { get; set; }
    public AgreementMode Mode { get; set; }
    /// <summary><c>|person|vehicle|</c>, or <c>|*|</c> for every kind.</summary>
    public required string KindsKey { get; set; }
    /// <summary><c>|wanted-for-arrest|</c>, or <c>|*|</c> for every category.</summary>
    public required string CategoriesKey { get; set; }
    public Purposes Purposes { get; set; }
    public Tlp HighestTlp { get; set; }
    /// <summary>How long the partner's copies may be kept here after their last version arrived.</summary>
    public int RetentionDays { get; set; }
    public bool HitReporting { get; set; }
    /// <summary>How long the partner has to answer an urgent request for details.</summary>
    public int UrgentHours { get; set; } = 1;
    /// <summary>How long the partner has to answer a routine request for details.</summary>
    public int RoutineHours { get; set; } = 12;
    public AgreementStatus Status { get; set; }
    /// <summary>The last day the agreement holds; null when open-ended.</summary>
    public DateOnly? ValidUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? SuspendedAt { get; set; }

    public bool IsInForce(DateOnly today) => Status == AgreementStatus.Active && (ValidUntil is not { } until || until >= today);

    /// <summary>Why an alert with these markings may not flow under this agreement; null when it may.</summary>
    public string? Refuses(AlertKind kind, AlertCategory category, Tlp tlp, Purposes purposes, DateOnly today)
    {
        if (Status != AgreementStatus.Active)
            return "agreement-suspended";
        if (ValidUntil is { } until && until < today)
            return "agreement-expired";
        if (Mode != AgreementMode.Replicate)
            return "agreement-query-only";
        if (!Contains(KindsKey, MarkingText.Of(kind)))
            return "kind-not-agreed";
        if (!Contains(CategoriesKey, MarkingText.Of(category)))
            return "category-not-agreed";
        if (tlp > HighestTlp)
            return "tlp-above-agreement";
        if ((purposes & Purposes) == 0)
            return "purpose-not-agreed";
        return null;
    }

    /// <summary>Why a hit/no-hit query or a request for details may not go under this agreement; null when it may.</summary>
    public string? RefusesQuery(Purposes purpose, DateOnly today)
    {
        if (Status != AgreementStatus.Active)
            return "agreement-suspended";
        if (ValidUntil is { } until && until < today)
            return "agreement-expired";
        if (Mode != AgreementMode.Query)
            return "agreement-not-query";
        return (purpose & Purposes) == 0 ? "purpose-not-agreed" : null;
    }

    public bool Covers(AlertKind kind, AlertCategory category, Tlp tlp) =>
        Contains(KindsKey, MarkingText.Of(kind)) && Contains(CategoriesKey, MarkingText.Of(category)) && tlp <= HighestTlp;

    private static bool Contains(string key, string word) =>
        key.Contains(AccessPolicy.Target(Any), StringComparison.Ordinal) || key.Contains(AccessPolicy.Target(word), StringComparison.Ordinal);
}

public enum AgreementMode
{
    /// <summary>Copies are pushed and kept.</summary>
    Replicate,
    /// <summary>Hit/no-hit answers only (Prüm style).</summary>
    Query,
}

public enum AgreementStatus
{
    Active,
    Suspended,
}

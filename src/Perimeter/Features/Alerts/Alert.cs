using Perimeter.Features.Access;

namespace Perimeter.Features.Alerts;

/// <summary>The current version of an alert. Earlier versions live in <see cref="AlertVersion"/>.</summary>
public sealed class Alert : IMarked
{
    public Guid Id { get; set; }
    public AlertKind Kind { get; set; }
    public AlertCategory Category { get; set; }
    public ActionOnHit ActionOnHit { get; set; }
    public required string Originator { get; set; }
    /// <summary>The originator's own reference for the record, such as <c>ofac:6861</c>: imports update by it.</summary>
    public string? ExternalRef { get; set; }
    public int Version { get; set; }
    public AlertStatus Status { get; set; }
    public bool IsPartnerCopy { get; set; }

    public Tlp Tlp { get; set; }
    public string ReleasabilityKey { get; set; } = "|";
    public Handling Handling { get; set; }
    public SourceReliability SourceReliability { get; set; }
    public InformationCredibility InformationCredibility { get; set; }
    public Purposes Purposes { get; set; }
    public DateOnly ReviewBy { get; set; }

    /// <summary>Personal data: null once purged.</summary>
    public string? Narrative { get; set; }
    /// <summary>The subject as JSON (<see cref="AlertSubject"/>); null once purged.</summary>
    public string? SubjectJson { get; set; }
    /// <summary>Primary name, plate, serial or number, for lists; null once purged.</summary>
    public string? DisplayName { get; set; }
    /// <summary>Folded names and numbers for the list filter; null once purged.</summary>
    public string? SearchText { get; set; }
    /// <summary>SHA-256 of the current content, so an import can tell an unchanged record from a change.</summary>
    public string? ContentHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public DateTimeOffset? ReviewWarnedAt { get; set; }
    public DateTimeOffset? ExpiredAt { get; set; }
    public DateTimeOffset? PurgedAt { get; set; }

    public Markings Markings => new()
    {
        Tlp = Tlp,
        ReleasableTo = AccessPolicy.TargetsOf(ReleasabilityKey),
        Handling = Handling,
        SourceReliability = SourceReliability,
        InformationCredibility = InformationCredibility,
        Purposes = Purposes,
        ReviewBy = ReviewBy,
    };
}

/// <summary>One version of an alert as it was published: kept after updates and retraction.</summary>
public sealed class AlertVersion
{
    public Guid AlertId { get; set; }
    public int Version { get; set; }
    public AlertChangeKind Change { get; set; }
    public AlertStatus Status { get; set; }
    /// <summary>The whole <see cref="AlertContent"/> of this version as JSON; null once purged.</summary>
    public string? ContentJson { get; set; }
    public string? Justification { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
}

public enum AlertChangeKind
{
    Published,
    Updated,
    Extended,
    Retracted,
    Expired,
    Purged,
}

/// <summary>
/// The change feed: one row per change, written in the change's transaction. Screening indexes and
/// federation outboxes read it, so alerts never call them.
/// </summary>
public sealed class AlertChange
{
    public long Sequence { get; set; }
    public Guid AlertId { get; set; }
    public int Version { get; set; }
    public AlertChangeKind Change { get; set; }
    public DateTimeOffset At { get; set; }
}

namespace Perimeter.Features.Access;

/// <summary>Where an alert is in its life; only active alerts are screened and shown outside the originator.</summary>
public enum AlertStatus
{
    Active,
    /// <summary>Withdrawn by its originator; the record that it existed is kept.</summary>
    Retracted,
    /// <summary>Not extended by its review-by date: no longer screened or shown.</summary>
    Expired,
    /// <summary>Expired past the grace period: its personal data has been deleted.</summary>
    Purged,
}

/// <summary>What <see cref="AccessPolicy"/> reads from a stored alert to decide who may see it.</summary>
public interface IMarked
{
    string Originator { get; }
    /// <summary>True for a partner's alert held here as a read-only copy.</summary>
    bool IsPartnerCopy { get; }
    AlertStatus Status { get; }
    Tlp Tlp { get; }
    /// <summary>Release targets as one searchable string: <c>|mx.inm|GT|</c>.</summary>
    string ReleasabilityKey { get; }
    Handling Handling { get; }
    Purposes Purposes { get; }
}

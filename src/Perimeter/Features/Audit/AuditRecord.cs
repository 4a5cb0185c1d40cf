using Perimeter.Features.Access;

namespace Perimeter.Features.Audit;

/// <summary>
/// One audited action. Records are chained: <see cref="Hash"/> covers every field and the previous
/// record's hash, so an edit, deletion or reordering breaks the chain at that record.
/// </summary>
public sealed class AuditRecord
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public ActorKind ActorKind { get; set; }
    public required string ActorId { get; set; }
    public string? Agency { get; set; }
    public string? Roles { get; set; }
    public string? Purpose { get; set; }
    public AuditAction Action { get; set; }
    public AuditOutcome Outcome { get; set; }
    /// <summary>What was touched: <c>alert</c>, <c>user</c>, <c>token</c>, <c>import</c>…</summary>
    public string? Target { get; set; }
    /// <summary>Ids touched, space-separated; never names or document numbers.</summary>
    public string? TargetIds { get; set; }
    public string? RemoteAddress { get; set; }
    /// <summary>A short machine-readable note (reason, counts); never personal data.</summary>
    public string? Detail { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

public enum AuditAction
{
    Read,
    ReadDenied,
    Search,
    Publish,
    Update,
    Extend,
    Retract,
    Import,
    Export,
    SignIn,
    SignInFailed,
    SignOut,
    UserAdded,
    UserDisabled,
    TokenCreated,
    TokenRevoked,
    TokenRejected,
    AgencyAdded,
    AuditRead,
    AuditVerified,
    ReviewWarned,
    Expired,
    Purged,
    Denied,
    /// <summary>A request over a rate limit (<c>Node:Http:RateLimits</c>).</summary>
    RateLimited,
    Screen,
    Decide,
    StandingSubjectAdded,
    StandingSubjectRetired,
    StandingMatch,
    BatchQueued,
    IdentityCreated,
    PartnerAdded,
    AgreementAdded,
    AgreementSuspended,
    FederationReceived,
    FederationRefused,
    FederationDelivered,
    ReceiptReceived,
    ReadLogServed,
    ReadLogRequested,
    PartnerQuery,
    PartnerQueryAnswered,
    DetailsRequested,
    DetailsApproved,
    DetailsDenied,
    DetailsReleased,
    DetailsEscalated,
    HitReported,
    PartnerRetried,
    FederationDuplicate,
    FederationOutOfOrder,
    PartnerTested,
    DeconflictionRegistered,
    DeconflictionConflict,
    DeconflictionWithdrawn,
    DeconflictionKeyAdded,
    DeconflictionKeyRetired,
}

public enum AuditOutcome
{
    Allowed,
    Denied,
    Failed,
}

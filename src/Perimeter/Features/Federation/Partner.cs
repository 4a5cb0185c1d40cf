using Microsoft.EntityFrameworkCore;

namespace Perimeter.Features.Federation;

/// <summary>A partner node this node trusts: where it listens and the certificate pinned for it.</summary>
public sealed class Partner
{
    /// <summary>The partner's agency id, such as <c>mx.inm</c>.</summary>
    public required string Agency { get; set; }
    /// <summary>The partner's federation endpoint, such as <c>https://perimeter.inm.gob.mx:5443</c>.</summary>
    public required string Url { get; set; }
    public required string CertificatePem { get; set; }
    /// <summary>SHA-256 of the certificate's DER bytes, lower-case hex: the pin.</summary>
    public required string CertificateSha256 { get; set; }
    public DateTimeOffset AddedAt { get; set; }
    /// <summary>The last exchange that worked, in either direction.</summary>
    public DateTimeOffset? LastContactAt { get; set; }
    public DateTimeOffset? LastFailureAt { get; set; }
    public string? LastError { get; set; }
    /// <summary>Deliveries that failed since the last one that worked.</summary>
    public int ConsecutiveFailures { get; set; }
    /// <summary>When an operator last asked for delivery now (<c>partners retry</c>): it ends a back-off that began before.</summary>
    public DateTimeOffset? RetryRequestedAt { get; set; }

    /// <summary>Whether an operator asked for a retry after the last failure.</summary>
    public bool RetryRequested => RetryRequestedAt is { } asked && (LastFailureAt is not { } failed || asked >= failed);
}

/// <summary>
/// A signed document on its way to a partner: an alert version (this node's, or a partner's it may pass on)
/// or a receipt. Written in the transaction that relays the change; deleted never, marked delivered or refused.
/// </summary>
public static class PartnerQueries
{
    /// <summary>The partner whose pinned certificate has this SHA-256 pin, if any: who is on the other end of a connection.</summary>
    public static Task<Partner?> PinnedAsync(this IQueryable<Partner> partners, string pin, CancellationToken ct) =>
        partners.AsNoTracking().SingleOrDefaultAsync(p => p.CertificateSha256 == pin, ct);
}

public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public Guid MessageId { get; set; }
    public required string Partner { get; set; }
    public required string Type { get; set; }
    public Guid? AlertId { get; set; }
    public int? Version { get; set; }
    /// <summary>The version of the same alert last queued to this partner before this one (0 for none): the receiver's gap check.</summary>
    public int PreviousVersion { get; set; }
    public required string Signer { get; set; }
    public required string Payload { get; set; }
    public required string Signature { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>Set when the partner refused the message for good (bad signature, no agreement): it is not sent again.</summary>
    public DateTimeOffset? RefusedAt { get; set; }
}

/// <summary>What one partner holds of an alert this node sent it, as its signed receipts say.</summary>
public sealed class PartnerCopy
{
    public required string Partner { get; set; }
    public Guid AlertId { get; set; }
    public int QueuedVersion { get; set; }
    public int HeldVersion { get; set; }
    /// <summary><c>active</c>, <c>retracted</c>, <c>expired</c>, <c>purged</c> or <c>recalled</c>, per the last receipt.</summary>
    public string? HeldStatus { get; set; }
    public string? ReceiptPayload { get; set; }
    public string? ReceiptSignature { get; set; }
    public DateTimeOffset? AckedAt { get; set; }
}

/// <summary>
/// The originator's signed document behind a partner copy held here, so the copy can always prove where it
/// came from and that it was not altered; and how long the agreement lets this node keep it.
/// </summary>
public sealed class ReceivedCopy
{
    public Guid AlertId { get; set; }
    public required string Originator { get; set; }
    /// <summary>The partner that delivered it: the originator, or a partner the originator let pass it on.</summary>
    public required string ReceivedFrom { get; set; }
    public int Version { get; set; }
    public required string Payload { get; set; }
    public required string Signature { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset RetainUntil { get; set; }
}

/// <summary>How far the relay has read the change feed; one row.</summary>
public sealed class RelayCursor
{
    public int Id { get; set; }
    public long LastChange { get; set; }
}

/// <summary>
/// A hit this node answered to a partner's query: the opaque reference the partner got, and the alert behind
/// it, which the partner learns only if a request for details is approved.
/// </summary>
public sealed class PartnerHit
{
    public Guid Reference { get; set; }
    public required string Asker { get; set; }
    public Guid AlertId { get; set; }
    public Access.Purposes Purpose { get; set; }
    public required string Band { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>
/// A request for the details behind a hit: filed by an analyst at the asking node (outgoing), decided by the
/// originating node's supervisors (incoming). Both nodes keep a row with the same id.
/// </summary>
public sealed class RequestForDetails
{
    public Guid Id { get; set; }
    public RequestDirection Direction { get; set; }
    /// <summary>The other node: the originator for an outgoing request, the asker for an incoming one.</summary>
    public required string Partner { get; set; }
    public Guid Reference { get; set; }
    /// <summary>The alert behind the reference; known at the originating node only, and at the asker once released.</summary>
    public Guid? AlertId { get; set; }
    public Access.Purposes Purpose { get; set; }
    public required string Justification { get; set; }
    public Urgency Urgency { get; set; }
    public RequestStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public string? FirstApprover { get; set; }
    public string? SecondApprover { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DenialReason { get; set; }
    /// <summary>The originator's signed release (or denial), as the asker received it.</summary>
    public string? ReleasePayload { get; set; }
    public string? ReleaseSignature { get; set; }
}

public enum RequestDirection
{
    Outgoing,
    Incoming,
}

public enum Urgency
{
    Urgent,
    Routine,
}

public enum RequestStatus
{
    Pending,
    /// <summary>Above TLP:GREEN one supervisor has approved; a second, different one must too (four eyes).</summary>
    AwaitingSecondApproval,
    Approved,
    Denied,
}

/// <summary>A confirmed hit here on a partner's alert, once considered for reporting to its originator.</summary>
public sealed class HitReport
{
    public Guid DecisionId { get; set; }
    public Guid AlertId { get; set; }
    public required string Originator { get; set; }
    /// <summary>False when the agreement with the originator does not ask for hit reports.</summary>
    public bool Reported { get; set; }
    public DateTimeOffset At { get; set; }
}

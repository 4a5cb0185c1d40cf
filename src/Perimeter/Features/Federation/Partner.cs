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
}

/// <summary>
/// A signed document on its way to a partner: an alert version (this node's, or a partner's it may pass on)
/// or a receipt. Written in the transaction that relays the change; deleted never, marked delivered or refused.
/// </summary>
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

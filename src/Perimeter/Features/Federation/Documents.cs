using System.Text.Json.Serialization;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Federation;

/// <summary>The payload types a node signs, named by their <c>type</c> member.</summary>
public static class DocumentType
{
    public const string AlertVersion = "alert-version";
    public const string Receipt = "receipt";
    public const string ReadLog = "read-log";
    public const string RequestForDetails = "request-for-details";
    public const string Release = "release";
    public const string HitReport = "hit-report";
}

/// <summary>
/// One version of an alert as its originator signed it. It names no addressee, so a partner the originator
/// allows to pass it on sends the very same document, and the last holder can still prove its origin.
/// </summary>
public sealed record AlertVersionDocument
{
    public string Type { get; init; } = DocumentType.AlertVersion;
    public required string Originator { get; init; }
    public required Guid AlertId { get; init; }
    public required int Version { get; init; }
    public required AlertChangeKind Change { get; init; }
    public required AlertStatus Status { get; init; }
    /// <summary>Whether the originator withdrew the release to the addressee: the copy must go.</summary>
    public bool Recalled { get; init; }
    /// <summary>The whole alert with its markings and review-by date; absent when only the status changes.</summary>
    public AlertContent? Content { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>A holder's signed word of what it now holds of an originator's alert.</summary>
public sealed record ReceiptDocument
{
    public string Type { get; init; } = DocumentType.Receipt;
    public required string Holder { get; init; }
    public required string Originator { get; init; }
    public required Guid AlertId { get; init; }
    /// <summary>The version the holder's copy is at.</summary>
    public required int Version { get; init; }
    /// <summary><c>applied</c>, <c>duplicate</c> or <c>purged</c>.</summary>
    public required string Outcome { get; init; }
    /// <summary><c>active</c>, <c>retracted</c>, <c>expired</c>, <c>purged</c> or <c>recalled</c>.</summary>
    public required string HeldStatus { get; init; }
    public Guid? MessageId { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>Reads of an originator's alerts at a holder, signed by the holder.</summary>
public sealed record ReadLogDocument
{
    public string Type { get; init; } = DocumentType.ReadLog;
    public required string Holder { get; init; }
    public required string Originator { get; init; }
    public required IReadOnlyList<ReadLogEntry> Entries { get; init; }
    /// <summary>Set when more reads follow: the holder's place in its log, to ask from (<see cref="ReadLogRequest.After"/>).</summary>
    public long? Next { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>One read: who, of which agency and roles, for what purpose, when, and how (opened, listed, screened).</summary>
public sealed record ReadLogEntry(Guid AlertId, DateTimeOffset At, string Actor, string? Agency, string? Roles, string? Purpose, string Action);

/// <summary>One signed document addressed to one partner.</summary>
/// <remarks>
/// Members are required: nullable annotations refuse a null, but a member left out would reach the receiver as one.
/// </remarks>
public sealed record FederationMessage(
    [property: JsonRequired] Guid MessageId, [property: JsonRequired] string To,
    [property: JsonRequired] int PreviousVersion, [property: JsonRequired] SignedDocument Document);

public sealed record FederationBatch([property: JsonRequired] IReadOnlyList<FederationMessage> Messages)
{
    public const int MaxMessages = 500;
}

public enum MessageOutcome
{
    Applied,
    Duplicate,
    /// <summary>An earlier version has not arrived yet: send this one again later.</summary>
    OutOfOrder,
}

public sealed record MessageResult(Guid MessageId, MessageOutcome Outcome, SignedDocument? Receipt = null);

public sealed record BatchResult(IReadOnlyList<MessageResult> Results);

/// <summary>A message the receiver refused for good, and why (<c>bad-signature</c>, <c>agreement-suspended</c>, …).</summary>
public sealed record Refusal(Guid MessageId, string Reason);

/// <summary>Reads from <paramref name="Since"/>, after the holder's place <paramref name="After"/> given by its previous answer.</summary>
public sealed record ReadLogRequest(DateTimeOffset? Since = null, long? After = null);

internal static class HeldStatus
{
    public static string Of(AlertStatus status, bool recalled) => recalled ? "recalled" : MarkingText.Of(status);
}

/// <summary>A hit/no-hit query from a partner: the subject, the one purpose it is for, and the asker's query id.</summary>
public sealed record PartnerQueryRequest(Guid QueryId, Purposes Purpose, Screening.ScreenRequest Subject);

/// <summary>The answer to a hit/no-hit query: no personal data, only hit or no hit, a band, and an opaque reference.</summary>
public sealed record HitAnswerDocument
{
    public string Type { get; init; } = "hit-answer";
    public required string Holder { get; init; }
    public required string Asker { get; init; }
    public required Guid QueryId { get; init; }
    public required bool Hit { get; init; }
    public string? Band { get; init; }
    public Guid? Reference { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>An analyst's request for the details behind a hit, signed by the asking node.</summary>
public sealed record RequestForDetailsDocument
{
    public string Type { get; init; } = DocumentType.RequestForDetails;
    public required string Asker { get; init; }
    public required string Originator { get; init; }
    public required Guid RequestId { get; init; }
    public required Guid Reference { get; init; }
    public required Purposes Purpose { get; init; }
    public required string Justification { get; init; }
    public required Urgency Urgency { get; init; }
    public required string RequestedBy { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>The originator's decision on a request for details: the alert with its markings when approved, the reason when denied.</summary>
public sealed record ReleaseDocument
{
    public string Type { get; init; } = DocumentType.Release;
    public required string Originator { get; init; }
    public required string Asker { get; init; }
    public required Guid RequestId { get; init; }
    public required bool Approved { get; init; }
    public Guid? AlertId { get; init; }
    public AlertContent? Content { get; init; }
    public string? DenialReason { get; init; }
    public required IReadOnlyList<string> DecidedBy { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>One partner's answer as the asking officer sees it: <c>hit</c>, <c>no-hit</c>, <c>no-answer</c> (not in time), <c>refused</c> or <c>failed</c>.</summary>
public sealed record PartnerAnswer(string Partner, string Outcome, string? Band = null, Guid? Reference = null, SignedDocument? Document = null);

public sealed record PartnerQueryResult(Guid QueryId, IReadOnlyList<PartnerAnswer> Answers);

/// <summary>A holder's word that one of its officers confirmed a hit on the originator's alert.</summary>
public sealed record HitReportDocument
{
    public string Type { get; init; } = DocumentType.HitReport;
    public required string Reporter { get; init; }
    public required string Originator { get; init; }
    public required Guid AlertId { get; init; }
    public required int AlertVersion { get; init; }
    public required DateTimeOffset ConfirmedAt { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

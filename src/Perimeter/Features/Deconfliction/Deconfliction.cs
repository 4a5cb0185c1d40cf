namespace Perimeter.Features.Deconfliction;

/// <summary>What an agency's open operation targets, in the form registrations are compared in.</summary>
public enum TargetKind
{
    /// <summary>E.164: <c>+526641234567</c>.</summary>
    Phone,
    /// <summary>Issuer and plate: <c>MX-BCN:ABC1234</c>.</summary>
    Plate,
    Vin,
    /// <summary>Issuing country and number: <c>MX:G12345678</c>.</summary>
    Document,
    Email,
    /// <summary>A bank account (IBAN or CLABE) or a crypto address.</summary>
    Account,
    /// <summary>A person by name and full date of birth, compared by the screening engine.</summary>
    Person,
}

/// <summary>A planned action on the ground that two agencies must not run into each other at.</summary>
public enum OperationEventKind
{
    Raid,
    Buy,
    Surveillance,
    Arrest,
    Other,
}

/// <summary>
/// A target of one agency's open operation. Its identifier is kept only in its compared form, and only the
/// registering agency ever reads it back; another agency learns of it only as a conflict naming the contact.
/// </summary>
public sealed class DeconflictionTarget
{
    public Guid Id { get; set; }
    public required string Agency { get; set; }
    public TargetKind Kind { get; set; }
    /// <summary>The normalised identifier (<see cref="TargetKeys"/>); for a person, folded names and the date of birth.</summary>
    public required string Key { get; set; }
    public string? GivenNames { get; set; }
    public string? Surnames { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>The operation's name or reference, for the registering agency's own eyes.</summary>
    public required string Operation { get; set; }
    /// <summary>Whom another agency calls on a conflict: a duty officer and a phone.</summary>
    public required string Contact { get; set; }
    public required string RegisteredBy { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>A planned raid, buy or surveillance: a circle on the ground and a window of time.</summary>
public sealed class DeconflictionEvent
{
    public Guid Id { get; set; }
    public required string Agency { get; set; }
    public OperationEventKind Kind { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int RadiusMeters { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public required string Operation { get; set; }
    public required string Contact { get; set; }
    public required string RegisteredBy { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}

/// <summary>Two agencies' registrations that meet: each side is told the other agency and its contact, nothing more.</summary>
public sealed class DeconflictionConflict
{
    public Guid Id { get; set; }
    /// <summary>What met: a target kind (<c>phone</c>, <c>person</c>…) or <c>event</c>.</summary>
    public required string Subject { get; set; }
    public required string FirstAgency { get; set; }
    public Guid FirstRegistration { get; set; }
    public required string SecondAgency { get; set; }
    public Guid SecondRegistration { get; set; }
    /// <summary>The first agency's contact when its registration is held by a partner node, which sent only that.</summary>
    public string? RemoteContact { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
}

/// <summary>
/// A secret two agencies agreed on for their blind indexes, named by an id both know it by. One side makes it, the other
/// adds the same id and secret; the newest key not retired is the one asked with. Kept encrypted with the node's
/// data-protection keys, never shown again after it is made.
/// </summary>
public sealed class DeconflictionKey
{
    public Guid Id { get; set; }
    public required string Partner { get; set; }
    public required string KeyId { get; set; }
    /// <summary>The secret, protected (ASP.NET Core data protection, purpose <see cref="BlindIndex.ProtectorPurpose"/>).</summary>
    public required string ProtectedSecret { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>
/// One blind-index token of one of this node's agency's registrations under one deconfliction key, kept so that a
/// partner's query is an index lookup, not a hash of every registration.
/// </summary>
public sealed class DeconflictionToken
{
    public long Id { get; set; }
    /// <summary>The <see cref="DeconflictionKey.Id"/> it was made under.</summary>
    public Guid KeyId { get; set; }
    public required string Token { get; set; }
    public Guid TargetId { get; set; }
}

using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Screening;

/// <summary>What an alert or a query is about.</summary>
public enum SubjectKind
{
    /// <summary>A person, by names, dates of birth, nationality, sex and documents.</summary>
    Person,
    /// <summary>A company or group, by names and registrations.</summary>
    Organization,
    /// <summary>A car, truck, vessel or aircraft, by plate, VIN or other identifier, and a vessel's names.</summary>
    Vehicle,
    /// <summary>A firearm, by serial number and make.</summary>
    Firearm,
    /// <summary>A travel or identity document, by number and holder.</summary>
    Document,
}

/// <summary>An identity document or object identifier: a passport, a CURP, a VIN, a plate, a serial number.</summary>
/// <example><c>new Identifier(IdentifierType.Passport, "G12345678", "MX")</c></example>
public sealed record Identifier(IdentifierType Type, string Number, string? Issuer = null);

/// <summary>Kinds of identifier; documents of a person and the numbers of objects alike.</summary>
public enum IdentifierType
{
    /// <summary>A passport number.</summary>
    Passport,
    /// <summary>Mexico's population registry key (CURP).</summary>
    Curp,
    /// <summary>A voter card (Mexico's INE credential).</summary>
    VoterCard,
    /// <summary>A driver's licence number.</summary>
    DriverLicence,
    /// <summary>A national identity card number.</summary>
    NationalId,
    /// <summary>A visa number.</summary>
    Visa,
    /// <summary>A border crossing card number.</summary>
    BorderCrossingCard,
    /// <summary>A tax number (RFC, TIN).</summary>
    TaxId,
    /// <summary>A company registration number.</summary>
    CompanyRegistration,
    /// <summary>A number of unknown kind: compared with any document number.</summary>
    Other,
    /// <summary>A vehicle licence plate.</summary>
    Plate,
    /// <summary>A vehicle identification number.</summary>
    Vin,
    /// <summary>A firearm's serial number.</summary>
    FirearmSerial,
    /// <summary>A vessel's IMO number or call sign, an aircraft's tail or serial number.</summary>
    VesselOrAircraft,
}

/// <summary>
/// The subject an officer screens, or an entry of the watchlist: names as written, and the other
/// evidence that can confirm or refute a name match.
/// </summary>
/// <example><c>new Subject { Kind = SubjectKind.Person, Names = [SubjectName.Free("Joaquín Guzmán Loera")], DatesOfBirth = [new(1957, 4, 4)] }</c></example>
public sealed record Subject
{
    /// <summary>Person by default.</summary>
    public SubjectKind Kind { get; init; } = SubjectKind.Person;
    /// <summary>Primary name and aliases.</summary>
    public IReadOnlyList<SubjectName> Names { get; init; } = [];
    /// <summary>Dates of birth, possibly partial: <c>1957</c>, <c>1957-04</c>.</summary>
    public IReadOnlyList<PartialDate> DatesOfBirth { get; init; } = [];
    /// <summary>ISO 3166 alpha-2 codes.</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];
    /// <summary>Unknown unless given.</summary>
    public Sex Sex { get; init; } = Sex.Unknown;
    /// <summary>Documents and object numbers.</summary>
    public IReadOnlyList<Identifier> Identifiers { get; init; } = [];
    /// <summary>Make of a vehicle or firearm, which with the number identifies it.</summary>
    public string? Make { get; init; }
}

/// <summary>One name as written, with the order its source gives when known.</summary>
/// <example><c>SubjectName.Structured("Joaquín", "Guzmán Loera")</c>, <c>SubjectName.Free("GUZMAN LOERA, Joaquin")</c></example>
public sealed record SubjectName(string? Full, string? GivenNames = null, string? Surnames = null, bool IsWeak = false)
{
    /// <summary>A name in any layout: <c>SubjectName.Free("GUZMAN LOERA, Joaquin")</c>.</summary>
    public static SubjectName Free(string full) => new(full);

    /// <summary>A name whose parts a form kept apart: <c>SubjectName.Structured("Joaquín", "Guzmán Loera")</c>.</summary>
    public static SubjectName Structured(string? givenNames, string? surnames) => new(null, givenNames, surnames);
}

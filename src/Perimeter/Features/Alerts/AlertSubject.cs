using System.Text.Json.Serialization;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Alerts;

/// <summary>What the alert is about; exactly the section matching the alert's kind is set.</summary>
public sealed record AlertSubject
{
    public PersonData? Person { get; init; }
    public OrganizationData? Organization { get; init; }
    public VehicleData? Vehicle { get; init; }
    public FirearmData? Firearm { get; init; }
    public DocumentData? Document { get; init; }
}

public enum NameType
{
    Primary,
    /// <summary>Also known as.</summary>
    Aka,
    /// <summary>Formerly known as.</summary>
    Fka,
    /// <summary>Now known as.</summary>
    Nka,
    /// <summary>A nickname such as "El Chapo".</summary>
    Nickname,
    /// <summary>A low-quality alias the originator flags as weak.</summary>
    WeakAka,
}

/// <summary>
/// One name of a person. Given names and surnames are kept apart where the source does; a Hispanic
/// <c>Surnames</c> holds the paternal then the maternal surname. <c>FullName</c> holds a name whose parts are unknown.
/// </summary>
public sealed record PersonName(string? GivenNames, string? Surnames, string? FullName = null, NameType Type = NameType.Primary)
{
    [JsonIgnore]
    public string Display => FullName ?? string.Join(' ', new[] { GivenNames, Surnames }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

public sealed record PersonData
{
    public IReadOnlyList<PersonName> Names { get; init; } = [];
    public IReadOnlyList<PartialDate> DatesOfBirth { get; init; } = [];
    public string? PlaceOfBirth { get; init; }
    /// <summary>ISO 3166 alpha-2 codes.</summary>
    public IReadOnlyList<string> Nationalities { get; init; } = [];
    public Sex Sex { get; init; }
    public IReadOnlyList<IdentityDocument> Documents { get; init; } = [];
}

public sealed record OrganizationData
{
    public IReadOnlyList<OrganizationName> Names { get; init; } = [];
    /// <summary>ISO 3166 alpha-2 codes of countries it operates in or is registered in.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<IdentityDocument> Registrations { get; init; } = [];
}

public sealed record OrganizationName(string Name, NameType Type = NameType.Primary);

public enum VehicleType
{
    Car,
    Truck,
    Motorcycle,
    Bus,
    Trailer,
    Vessel,
    Aircraft,
    Other,
}

public sealed record VehicleData
{
    public VehicleType Type { get; init; } = VehicleType.Car;
    public string? Plate { get; init; }
    /// <summary>Issuing state or country: ISO 3166-2 (<c>US-TX</c>, <c>MX-BCN</c>) or alpha-2.</summary>
    public string? PlateIssuer { get; init; }
    public string? Vin { get; init; }
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Colour { get; init; }
    public int? Year { get; init; }
    /// <summary>A vessel's or aircraft's name and former names.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>Call sign, IMO number, tail number, manufacturer serial number.</summary>
    public IReadOnlyList<string> Identifiers { get; init; } = [];
    /// <summary>Flag state (ISO alpha-2) of a vessel or aircraft.</summary>
    public string? Flag { get; init; }
}

public enum FirearmType
{
    Pistol,
    Revolver,
    Rifle,
    Shotgun,
    MachineGun,
    Other,
}

public sealed record FirearmData
{
    public required string SerialNumber { get; init; }
    public string? Make { get; init; }
    public string? Model { get; init; }
    public string? Calibre { get; init; }
    public FirearmType Type { get; init; } = FirearmType.Other;
}

public sealed record DocumentData
{
    public DocumentType Type { get; init; } = DocumentType.Passport;
    public required string Number { get; init; }
    /// <summary>ISO 3166 alpha-2.</summary>
    public string? IssuingCountry { get; init; }
    public string? HolderName { get; init; }
}

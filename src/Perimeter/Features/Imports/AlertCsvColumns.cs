using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

/// <summary>The columns of the CSV import format and the alert kinds each one belongs to (none: every kind).</summary>
internal static class AlertCsvColumns
{
    public const string ExternalRef = "external_ref";
    public const string Kind = "kind";
    public const string Category = "category";
    public const string ActionOnHit = "action_on_hit";
    public const string Tlp = "tlp";
    public const string ReleasableTo = "releasable_to";
    public const string Handling = "handling";
    public const string SourceReliability = "source_reliability";
    public const string InformationCredibility = "information_credibility";
    public const string Purposes = "purposes";
    public const string ReviewBy = "review_by";
    public const string Narrative = "narrative";
    public const string GivenNames = "given_names";
    public const string Surnames = "surnames";
    public const string FullName = "full_name";
    public const string Aliases = "aliases";
    public const string Nicknames = "nicknames";
    public const string DatesOfBirth = "dates_of_birth";
    public const string PlaceOfBirth = "place_of_birth";
    public const string Nationalities = "nationalities";
    public const string Sex = "sex";
    public const string Documents = "documents";
    public const string OrganizationName = "organization_name";
    public const string Countries = "countries";
    public const string Registrations = "registrations";
    public const string VehicleType = "vehicle_type";
    public const string VehicleName = "vehicle_name";
    public const string Plate = "plate";
    public const string PlateIssuer = "plate_issuer";
    public const string Vin = "vin";
    public const string Make = "make";
    public const string Model = "model";
    public const string Colour = "colour";
    public const string Year = "year";
    public const string Identifiers = "identifiers";
    public const string Flag = "flag";
    public const string SerialNumber = "serial_number";
    public const string Calibre = "calibre";
    public const string FirearmType = "firearm_type";
    public const string DocumentType = "document_type";
    public const string DocumentNumber = "document_number";
    public const string IssuingCountry = "issuing_country";
    public const string HolderName = "holder_name";

    /// <summary>A file must have these; every other column may be left out.</summary>
    public static readonly IReadOnlyList<string> Required = [Kind, Category, Tlp, Purposes];

    /// <summary>Every column in the documented order, with the kinds whose alerts may fill it.</summary>
    public static readonly IReadOnlyList<(string Name, AlertKind[] Kinds)> All =
    [
        (ExternalRef, []), (Kind, []), (Category, []), (ActionOnHit, []), (Tlp, []), (ReleasableTo, []), (Handling, []),
        (SourceReliability, []), (InformationCredibility, []), (Purposes, []), (ReviewBy, []), (Narrative, []),
        (GivenNames, [AlertKind.Person]), (Surnames, [AlertKind.Person]), (FullName, [AlertKind.Person]),
        (Aliases, [AlertKind.Person, AlertKind.Organization, AlertKind.Vehicle]), (Nicknames, [AlertKind.Person]),
        (DatesOfBirth, [AlertKind.Person]), (PlaceOfBirth, [AlertKind.Person]), (Nationalities, [AlertKind.Person]),
        (Sex, [AlertKind.Person]), (Documents, [AlertKind.Person]),
        (OrganizationName, [AlertKind.Organization]), (Countries, [AlertKind.Organization]), (Registrations, [AlertKind.Organization]),
        (VehicleType, [AlertKind.Vehicle]), (VehicleName, [AlertKind.Vehicle]), (Plate, [AlertKind.Vehicle]),
        (PlateIssuer, [AlertKind.Vehicle]), (Vin, [AlertKind.Vehicle]), (Make, [AlertKind.Vehicle, AlertKind.Firearm]),
        (Model, [AlertKind.Vehicle, AlertKind.Firearm]), (Colour, [AlertKind.Vehicle]), (Year, [AlertKind.Vehicle]),
        (Identifiers, [AlertKind.Vehicle]), (Flag, [AlertKind.Vehicle]),
        (SerialNumber, [AlertKind.Firearm]), (Calibre, [AlertKind.Firearm]), (FirearmType, [AlertKind.Firearm]),
        (DocumentType, [AlertKind.Document]), (DocumentNumber, [AlertKind.Document]), (IssuingCountry, [AlertKind.Document]),
        (HolderName, [AlertKind.Document]),
    ];
}

using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;

namespace Perimeter.Features.Screening;

/// <summary>What the screening engine reads of an alert: its names, dates, nationalities, sex, documents and object numbers.</summary>
public static class AlertSubjects
{
    public static Subject Of(AlertKind kind, AlertSubject subject) => kind switch
    {
        AlertKind.Person when subject.Person is { } p => new Subject
        {
            Kind = SubjectKind.Person,
            Names = [.. p.Names.Select(n => new SubjectName(n.FullName, n.GivenNames, n.Surnames, IsWeak: n.Type == NameType.WeakAka))],
            DatesOfBirth = [.. p.DatesOfBirth],
            Nationalities = [.. p.Nationalities],
            Sex = p.Sex,
            Identifiers = [.. p.Documents.Select(Identifier)],
        },
        AlertKind.Organization when subject.Organization is { } o => new Subject
        {
            Kind = SubjectKind.Organization,
            Names = [.. o.Names.Select(n => SubjectName.Free(n.Name) with { IsWeak = n.Type == NameType.WeakAka })],
            Nationalities = [.. o.Countries],
            Identifiers = [.. o.Registrations.Select(Identifier)],
        },
        AlertKind.Vehicle when subject.Vehicle is { } v => new Subject
        {
            Kind = SubjectKind.Vehicle,
            Names = [.. v.Names.Select(SubjectName.Free)],
            Identifiers =
            [
                .. v.Plate is { Length: > 0 } plate ? [new Identifier(IdentifierType.Plate, plate, v.PlateIssuer)] : Array.Empty<Identifier>(),
                .. v.Vin is { Length: > 0 } vin ? [new Identifier(IdentifierType.Vin, vin)] : Array.Empty<Identifier>(),
                .. v.Identifiers.Select(i => new Identifier(IdentifierType.VesselOrAircraft, i, v.Flag)),
            ],
            Make = v.Make,
        },
        AlertKind.Firearm when subject.Firearm is { } f => new Subject
        {
            Kind = SubjectKind.Firearm,
            Identifiers = [new Identifier(IdentifierType.FirearmSerial, f.SerialNumber)],
            Make = f.Make,
        },
        AlertKind.Document when subject.Document is { } d => new Subject
        {
            Kind = SubjectKind.Document,
            Names = d.HolderName is { Length: > 0 } holder ? [SubjectName.Free(holder)] : [],
            Identifiers = [new Identifier(IdentifierTypes.Of(d.Type), d.Number, d.IssuingCountry)],
        },
        _ => new Subject { Kind = SubjectKindOf(kind) },
    };

    public static SubjectKind SubjectKindOf(AlertKind kind) => kind switch
    {
        AlertKind.Person => SubjectKind.Person,
        AlertKind.Organization => SubjectKind.Organization,
        AlertKind.Vehicle => SubjectKind.Vehicle,
        AlertKind.Firearm => SubjectKind.Firearm,
        AlertKind.Document => SubjectKind.Document,
    };

    private static Identifier Identifier(IdentityDocument document) => new(IdentifierTypes.Of(document.Type), document.Number, document.IssuingCountry);

}

/// <summary>An identity document's type as the screening engine names it.</summary>
public static class IdentifierTypes
{
    public static IdentifierType Of(DocumentType type) => type switch
    {
        DocumentType.Passport => IdentifierType.Passport,
        DocumentType.Curp => IdentifierType.Curp,
        DocumentType.VoterCard => IdentifierType.VoterCard,
        DocumentType.DriverLicence => IdentifierType.DriverLicence,
        DocumentType.NationalId => IdentifierType.NationalId,
        DocumentType.Visa => IdentifierType.Visa,
        DocumentType.BorderCrossingCard => IdentifierType.BorderCrossingCard,
        DocumentType.TaxId => IdentifierType.TaxId,
        DocumentType.CompanyRegistration => IdentifierType.CompanyRegistration,
        DocumentType.Other => IdentifierType.Other,
    };
}

using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Imports;

/// <summary>What <c>docs/examples/alerts.csv</c> and <c>alerts.json</c> hold, written out by hand.</summary>
internal static class ExampleAlerts
{
    public static readonly AlertContent Person = new()
    {
        ExternalRef = "case-2026-0042",
        Kind = AlertKind.Person,
        Category = AlertCategory.WantedForArrest,
        ActionOnHit = ActionOnHit.Detain,
        Narrative = "Arrest warrant 123/2026, federal court, Tucson. Travels by road through Nogales.",
        Markings = new Markings
        {
            Tlp = Tlp.Amber,
            ReleasableTo = ["mx.inm", "mx.fgr"],
            Handling = Handling.ThirdPartyRule,
            SourceReliability = SourceReliability.B,
            InformationCredibility = InformationCredibility.ProbablyTrue,
            Purposes = Purposes.CounterNarcotics | Purposes.BorderSecurity,
            ReviewBy = new DateOnly(2027, 6, 30),
        },
        Subject = new AlertSubject
        {
            Person = new PersonData
            {
                Names =
                [
                    new PersonName("José María", "Núñez Peña"),
                    new PersonName("Jose", "Nunez", null, NameType.Aka),
                    new PersonName(null, null, "Chema Núñez", NameType.Aka),
                    new PersonName(null, null, "El Chema", NameType.Nickname),
                ],
                DatesOfBirth = [new PartialDate(1979, 4, 12), new PartialDate(1980)],
                PlaceOfBirth = "Culiacán, Sinaloa, México",
                Nationalities = ["MX", "US"],
                Sex = Sex.Male,
                Documents =
                [
                    new IdentityDocument(DocumentType.Passport, "G12345678", "MX"),
                    new IdentityDocument(DocumentType.Curp, "NUPJ790412HSLXXS09", "MX"),
                    new IdentityDocument(DocumentType.VoterCard, "NUPJMR79041225H100"),
                ],
            },
        },
    };

    public static readonly AlertContent Organization = new()
    {
        ExternalRef = "case-2026-0043",
        Kind = AlertKind.Organization,
        Category = AlertCategory.KnownSmuggler,
        ActionOnHit = ActionOnHit.DiscreetCheckAndReport,
        Narrative = "Transport company used to move migrants north in sealed trailers.",
        Markings = new Markings
        {
            Tlp = Tlp.Green,
            ReleasableTo = ["MX", "GT"],
            Handling = Handling.ShareWithinAgreement,
            SourceReliability = SourceReliability.C,
            InformationCredibility = InformationCredibility.PossiblyTrue,
            Purposes = Purposes.HumanTrafficking | Purposes.Migration,
        },
        Subject = new AlertSubject
        {
            Organization = new OrganizationData
            {
                Names =
                [
                    new OrganizationName("Transportes del Norte S.A. de C.V."),
                    new OrganizationName("TransNorte", NameType.Aka),
                    new OrganizationName("Fletes Norte", NameType.Aka),
                ],
                Countries = ["MX", "GT"],
                Registrations = [new IdentityDocument(DocumentType.TaxId, "TNO010101AB1", "MX")],
            },
        },
    };

    public static readonly AlertContent Truck = new()
    {
        ExternalRef = "case-2026-0044",
        Kind = AlertKind.Vehicle,
        Category = AlertCategory.StolenVehicle,
        ActionOnHit = ActionOnHit.Seize,
        Markings = new Markings
        {
            Tlp = Tlp.AmberStrict,
            ReleasableTo = ["mx.inm"],
            Handling = Handling.NoFurtherDissemination,
            SourceReliability = SourceReliability.A,
            InformationCredibility = InformationCredibility.Confirmed,
            Purposes = Purposes.BorderSecurity,
        },
        Subject = new AlertSubject
        {
            Vehicle = new VehicleData
            {
                Type = VehicleType.Truck,
                Plate = "ABC1234",
                PlateIssuer = "US-TX",
                Vin = "1FTFW1ET5DFC10312",
                Make = "Ford",
                Model = "F-150",
                Colour = "white",
                Year = 2013,
            },
        },
    };

    public static readonly AlertContent Vessel = new()
    {
        ExternalRef = "case-2026-0045",
        Kind = AlertKind.Vehicle,
        Category = AlertCategory.VehicleOfInterest,
        ActionOnHit = ActionOnHit.ContactOriginator,
        Markings = new Markings
        {
            Tlp = Tlp.Clear,
            ReleasableTo = [AccessPolicy.Everyone],
            Handling = Handling.ShareWithinAgreement,
            SourceReliability = SourceReliability.B,
            InformationCredibility = InformationCredibility.ProbablyTrue,
            Purposes = Purposes.CounterNarcotics,
        },
        Subject = new AlertSubject
        {
            Vehicle = new VehicleData
            {
                Type = VehicleType.Vessel,
                Names = ["MAR AZUL", "AZUL I"],
                Identifiers = ["IMO 9187629", "CL2192"],
                Flag = "PA",
            },
        },
    };

    public static readonly AlertContent Firearm = new()
    {
        ExternalRef = "case-2026-0046",
        Kind = AlertKind.Firearm,
        Category = AlertCategory.FirearmTrace,
        ActionOnHit = ActionOnHit.ContactOriginator,
        Narrative = "Bought in Phoenix in 2025 by a straw purchaser; recovered in Sonora.",
        Markings = new Markings { Tlp = Tlp.Amber, ReleasableTo = ["mx.fgr"], Purposes = Purposes.FirearmsTrafficking },
        Subject = new AlertSubject
        {
            Firearm = new FirearmData
            {
                SerialNumber = "ABC123456",
                Make = "Colt",
                Model = "M4 Carbine",
                Calibre = "5.56x45mm",
                Type = FirearmType.Rifle,
            },
        },
    };

    public static readonly AlertContent Document = new()
    {
        ExternalRef = "case-2026-0047",
        Kind = AlertKind.Document,
        Category = AlertCategory.LostOrStolenDocument,
        ActionOnHit = ActionOnHit.Seize,
        Markings = new Markings
        {
            Tlp = Tlp.Green,
            ReleasableTo = ["MX", "CA"],
            Handling = Handling.ThirdPartyRule,
            SourceReliability = SourceReliability.A,
            InformationCredibility = InformationCredibility.Confirmed,
            Purposes = Purposes.Migration | Purposes.BorderSecurity,
        },
        Subject = new AlertSubject
        {
            Document = new DocumentData
            {
                Type = DocumentType.Passport,
                Number = "X1234567",
                IssuingCountry = "US",
                HolderName = "Jane Roe",
            },
        },
    };

    public static readonly IReadOnlyList<AlertContent> All = [Person, Organization, Truck, Vessel, Firearm, Document];
}

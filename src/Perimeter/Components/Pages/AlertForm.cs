using System.Globalization;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Components.Pages;

/// <summary>
/// The alert editor's fields as the browser posts them: every marking, and the subject of each kind. It turns into
/// the <see cref="AlertContent"/> the API takes, so the writer validates both the same way.
/// </summary>
public sealed class AlertForm
{
    public const int NameRows = 3;
    public const int DocumentRows = 2;

    public AlertKind Kind { get; set; } = AlertKind.Person;
    public AlertCategory Category { get; set; } = AlertCategory.WantedForArrest;
    public ActionOnHit ActionOnHit { get; set; } = ActionOnHit.ContactOriginator;
    public string? ExternalRef { get; set; }
    public string? Narrative { get; set; }
    public int? Version { get; set; }

    public Tlp Tlp { get; set; } = Tlp.Amber;
    /// <summary>Agency ids or countries, separated by commas or spaces: <c>mx.inm, GT</c>.</summary>
    public string? ReleasableTo { get; set; }
    public Handling Handling { get; set; } = Handling.ThirdPartyRule;
    public SourceReliability SourceReliability { get; set; } = SourceReliability.F;
    public InformationCredibility InformationCredibility { get; set; } = InformationCredibility.CannotBeJudged;
    public DateOnly? ReviewBy { get; set; }

    public List<NameRow> Names { get; set; } = [.. Enumerable.Range(0, NameRows).Select(_ => new NameRow())];
    /// <summary>Dates of birth, partial allowed, separated by commas: <c>1957-04-04, 1954</c>.</summary>
    public string? DatesOfBirth { get; set; }
    public string? PlaceOfBirth { get; set; }
    /// <summary>ISO alpha-2 codes separated by commas.</summary>
    public string? Nationalities { get; set; }
    public Sex Sex { get; set; }
    public List<DocumentRow> Documents { get; set; } = [.. Enumerable.Range(0, DocumentRows).Select(_ => new DocumentRow())];

    /// <summary>Organization names, one a line; the first is the primary name.</summary>
    public string? OrganizationNames { get; set; }
    public string? Countries { get; set; }

    public VehicleType VehicleType { get; set; } = VehicleType.Car;
    public string? Plate { get; set; }
    public string? PlateIssuer { get; set; }
    public string? Vin { get; set; }
    public string? Make { get; set; }
    public string? Model { get; set; }
    public string? Colour { get; set; }
    public int? Year { get; set; }

    public string? SerialNumber { get; set; }
    public string? Calibre { get; set; }
    public FirearmType FirearmType { get; set; } = FirearmType.Other;

    public string? HolderName { get; set; }

    public sealed class NameRow
    {
        public string? GivenNames { get; set; }
        public string? Surnames { get; set; }
        public NameType Type { get; set; } = NameType.Primary;
    }

    public sealed class DocumentRow
    {
        public DocumentType Type { get; set; } = DocumentType.Passport;
        public string? Number { get; set; }
        public string? IssuingCountry { get; set; }
    }

    /// <summary>The content to publish or update; dates that do not read are reported, not dropped.</summary>
    public (AlertContent Content, FieldErrors Errors) ToContent(Purposes purposes)
    {
        var errors = new FieldErrors();
        var dates = new List<PartialDate>();
        foreach (var text in Split(DatesOfBirth))
        {
            if (PartialDate.TryParse(text, out var date))
                dates.Add(date);
            else
                errors.Add("subject.person.datesOfBirth", "InvalidValue", text);
        }
        var content = new AlertContent
        {
            Kind = Kind,
            Category = Category,
            ActionOnHit = ActionOnHit,
            ExternalRef = Blank(ExternalRef),
            Narrative = Blank(Narrative),
            Markings = new Markings
            {
                Tlp = Tlp,
                ReleasableTo = [.. Split(ReleasableTo)],
                Handling = Handling,
                SourceReliability = SourceReliability,
                InformationCredibility = InformationCredibility,
                Purposes = purposes,
                ReviewBy = ReviewBy,
            },
            Subject = Kind switch
            {
                AlertKind.Person => new AlertSubject
                {
                    Person = new PersonData
                    {
                        Names = [.. Names.Where(n => Blank(n.GivenNames) is not null || Blank(n.Surnames) is not null)
                            .Select(n => new PersonName(Blank(n.GivenNames), Blank(n.Surnames), Type: n.Type))],
                        DatesOfBirth = dates,
                        PlaceOfBirth = Blank(PlaceOfBirth),
                        Nationalities = [.. Split(Nationalities).Select(c => c.ToUpperInvariant())],
                        Sex = Sex,
                        Documents = DocumentsGiven(),
                    },
                },
                AlertKind.Organization => new AlertSubject
                {
                    Organization = new OrganizationData
                    {
                        Names = [.. Lines(OrganizationNames).Select((n, i) => new OrganizationName(n, i == 0 ? NameType.Primary : NameType.Aka))],
                        Countries = [.. Split(Countries).Select(c => c.ToUpperInvariant())],
                        Registrations = DocumentsGiven(),
                    },
                },
                AlertKind.Vehicle => new AlertSubject
                {
                    Vehicle = new VehicleData
                    {
                        Type = VehicleType, Plate = Blank(Plate), PlateIssuer = Blank(PlateIssuer), Vin = Blank(Vin),
                        Make = Blank(Make), Model = Blank(Model), Colour = Blank(Colour), Year = Year,
                    },
                },
                AlertKind.Firearm => new AlertSubject
                {
                    Firearm = new FirearmData { SerialNumber = Blank(SerialNumber) ?? "", Make = Blank(Make), Model = Blank(Model), Calibre = Blank(Calibre), Type = FirearmType },
                },
                AlertKind.Document => new AlertSubject
                {
                    Document = new DocumentData
                    {
                        Type = Documents[0].Type, Number = Blank(Documents[0].Number) ?? "",
                        IssuingCountry = Blank(Documents[0].IssuingCountry)?.ToUpperInvariant(), HolderName = Blank(HolderName),
                    },
                },
            },
        };
        return (content, errors);
    }

    /// <summary>The form for editing an existing alert: its current content, version and markings.</summary>
    public static AlertForm Of(AlertView alert)
    {
        var form = new AlertForm
        {
            Kind = alert.Kind, Category = alert.Category, ActionOnHit = alert.ActionOnHit, ExternalRef = alert.ExternalRef,
            Narrative = alert.Narrative, Version = alert.Version,
            Tlp = alert.Markings.Tlp, ReleasableTo = string.Join(", ", alert.Markings.ReleasableTo), Handling = alert.Markings.Handling,
            SourceReliability = alert.Markings.SourceReliability, InformationCredibility = alert.Markings.InformationCredibility,
            ReviewBy = alert.Markings.ReviewBy,
        };
        var subject = alert.Subject;
        if (subject?.Person is { } person)
        {
            form.Names = [.. person.Names.Take(NameRows).Select(n => new NameRow { GivenNames = n.GivenNames ?? n.FullName, Surnames = n.Surnames, Type = n.Type })];
            form.DatesOfBirth = string.Join(", ", person.DatesOfBirth.Select(d => d.ToString()));
            form.PlaceOfBirth = person.PlaceOfBirth;
            form.Nationalities = string.Join(", ", person.Nationalities);
            form.Sex = person.Sex;
            form.Documents = [.. person.Documents.Take(DocumentRows).Select(d => new DocumentRow { Type = d.Type, Number = d.Number, IssuingCountry = d.IssuingCountry })];
        }
        if (subject?.Organization is { } organization)
        {
            form.OrganizationNames = string.Join('\n', organization.Names.Select(n => n.Name));
            form.Countries = string.Join(", ", organization.Countries);
            form.Documents = [.. organization.Registrations.Take(DocumentRows).Select(d => new DocumentRow { Type = d.Type, Number = d.Number, IssuingCountry = d.IssuingCountry })];
        }
        if (subject?.Vehicle is { } vehicle)
        {
            (form.VehicleType, form.Plate, form.PlateIssuer, form.Vin) = (vehicle.Type, vehicle.Plate, vehicle.PlateIssuer, vehicle.Vin);
            (form.Make, form.Model, form.Colour, form.Year) = (vehicle.Make, vehicle.Model, vehicle.Colour, vehicle.Year);
        }
        if (subject?.Firearm is { } firearm)
            (form.SerialNumber, form.Make, form.Model, form.Calibre, form.FirearmType) = (firearm.SerialNumber, firearm.Make, firearm.Model, firearm.Calibre, firearm.Type);
        if (subject?.Document is { } document)
        {
            form.Documents = [new DocumentRow { Type = document.Type, Number = document.Number, IssuingCountry = document.IssuingCountry }];
            form.HolderName = document.HolderName;
        }
        // Blank rows to add to, up to the editor's fixed number.
        while (form.Names.Count < NameRows)
            form.Names.Add(new NameRow { Type = form.Names.Count == 0 ? NameType.Primary : NameType.Aka });
        while (form.Documents.Count < DocumentRows)
            form.Documents.Add(new DocumentRow());
        return form;
    }

    private List<IdentityDocument> DocumentsGiven() =>
        [.. Documents.Where(d => Blank(d.Number) is not null).Select(d => new IdentityDocument(d.Type, d.Number!.Trim(), Blank(d.IssuingCountry)?.ToUpperInvariant()))];

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] Split(string? text) =>
        (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A date for an <c>input type="date"</c>: ISO whatever the culture.</summary>
    public static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

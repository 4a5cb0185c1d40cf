using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Perimeter.Features.Alerts;
using Perimeter.Features.Imports;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;
using Perimeter.Matching.Screening;

namespace Perimeter.Features.Screening;

/// <summary>One subject to screen, as an officer enters or a lane system scans it.</summary>
public sealed record ScreenRequest
{
    public AlertKind Kind { get; init; } = AlertKind.Person;
    /// <summary>A name in any layout: <c>Joaquín Guzmán Loera</c>, <c>GUZMAN LOERA, Joaquin</c>.</summary>
    public string? Name { get; init; }
    public string? GivenNames { get; init; }
    public string? Surnames { get; init; }
    public PartialDate? DateOfBirth { get; init; }
    /// <summary>ISO 3166 alpha-2 or alpha-3 code, or a country name in English or Spanish.</summary>
    public string? Nationality { get; init; }
    public Sex Sex { get; init; }
    public IReadOnlyList<IdentityDocument> Documents { get; init; } = [];
    public string? Plate { get; init; }
    public string? PlateIssuer { get; init; }
    public string? Vin { get; init; }
    public string? SerialNumber { get; init; }
    public string? Make { get; init; }
    public int Top { get; init; } = 5;
    public double? Threshold { get; init; }
    /// <summary>
    /// How many of the best candidates below the threshold to return apart, as "also consider": a partial name
    /// (<c>Jose Guzman</c> for Joaquín Guzmán Loera) may score below the possible band yet deserve a look.
    /// </summary>
    public int AlsoConsider { get; init; }

    public FieldErrors Validate()
    {
        var errors = new FieldErrors();
        errors.FreeText("name", Name, 300);
        errors.FreeText("givenNames", GivenNames, 300);
        errors.FreeText("surnames", Surnames, 300);
        errors.FreeText("plate", Plate, 20);
        errors.FreeText("plateIssuer", PlateIssuer, 40);
        errors.FreeText("vin", Vin, 30);
        errors.FreeText("serialNumber", SerialNumber, 60);
        errors.FreeText("make", Make, 100);
        errors.MaxItems("documents", Documents, 10);
        for (var i = 0; i < Documents.Count; i++)
        {
            if (Documents[i] is null || string.IsNullOrWhiteSpace(Documents[i].Number))
                errors.Add($"documents[{i}].number", "Required");
            else
                errors.FreeText($"documents[{i}].number", Documents[i].Number, 60);
        }
        if (Nationality is { Length: > 0 } nationality && !CountryNames.TryParse(nationality, out _))
            errors.Add("nationality", "NotACountry", nationality);
        if (Top is < 1 or > 50)
            errors.Add("top", "OutOfRange");
        if (Threshold is not null and not (>= 0 and <= 1))
            errors.Add("threshold", "OutOfRange");
        if (AlsoConsider is < 0 or > 20)
            errors.Add("alsoConsider", "OutOfRange");
        if (errors.Count == 0 && ToSubject() is { Names.Count: 0, Identifiers.Count: 0 })
            errors.Add(Kind is AlertKind.Person or AlertKind.Organization ? "name" : "subject", "NothingToScreen");
        return errors;
    }

    public Subject ToSubject()
    {
        var names = new List<SubjectName>();
        if (!string.IsNullOrWhiteSpace(Name))
            names.Add(SubjectName.Free(Name));
        if (!string.IsNullOrWhiteSpace(GivenNames) || !string.IsNullOrWhiteSpace(Surnames))
            names.Add(SubjectName.Structured(GivenNames, Surnames));
        var identifiers = Documents.Where(d => d is not null).Select(d => new Identifier(IdentifierTypes.Of(d.Type), d.Number, d.IssuingCountry)).ToList();
        if (!string.IsNullOrWhiteSpace(Plate))
            identifiers.Add(new Identifier(IdentifierType.Plate, Plate, PlateIssuer));
        if (!string.IsNullOrWhiteSpace(Vin))
            identifiers.Add(new Identifier(IdentifierType.Vin, Vin));
        if (!string.IsNullOrWhiteSpace(SerialNumber))
            identifiers.Add(new Identifier(IdentifierType.FirearmSerial, SerialNumber));
        return new Subject
        {
            Kind = AlertSubjects.SubjectKindOf(Kind),
            Names = names,
            DatesOfBirth = DateOfBirth is { } dob ? [dob] : [],
            Nationalities = CountryNames.TryParse(Nationality, out var code) ? [code] : [],
            Sex = Sex,
            Identifiers = identifiers,
            Make = Make,
        };
    }

    /// <summary>
    /// Identifies the screened subject for remembered decisions: the same name (in whatever layout it is written), date,
    /// nationality and numbers give the same key; any change that matters to a match gives another.
    /// </summary>
    public string SubjectKey()
    {
        var subject = ToSubject();
        var text = string.Join('|',
            subject.Kind,
            string.Join(';', subject.Names.Select(n => NameKey(subject.Kind, n)).Order(StringComparer.Ordinal)),
            string.Join(';', subject.DatesOfBirth.Select(d => d.ToString())),
            string.Join(';', subject.Nationalities),
            subject.Sex,
            string.Join(';', subject.Identifiers.Select(i => $"{i.Type}:{DocumentNumber.Normalize(i.Number)}").Order(StringComparer.Ordinal)),
            NameText.Fold(subject.Make ?? ""));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// A person's name as the parser reads it, given names apart from surnames, so that "ZAMBADA GARCÍA, Ismael",
    /// "Ismael Zambada García" and the same in two fields give "ismael/zambada garcia"; other names folded as written.
    /// </summary>
    private static string NameKey(SubjectKind kind, SubjectName name)
    {
        if (kind is not SubjectKind.Person)
            return NameText.Fold(name.Full ?? $"{name.GivenNames} {name.Surnames}");
        var parts = (name.GivenNames is not null || name.Surnames is not null
            ? NameParser.Parse(name.GivenNames, name.Surnames)
            : NameParser.Parse(name.Full ?? "")).Parts;
        return $"{string.Join(' ', parts.Where(p => p.Role == NameRole.Given).Select(p => p.Folded))}/" +
               string.Join(' ', parts.Where(p => p.Role != NameRole.Given).Select(p => p.Folded));
    }

    internal string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"kind={Kind.ToString().ToLowerInvariant()} name={(Name ?? GivenNames ?? Surnames) is not null} dob={DateOfBirth is not null} documents={Documents.Count}");
}

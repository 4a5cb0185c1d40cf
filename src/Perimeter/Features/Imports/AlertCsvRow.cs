using System.Globalization;
using System.Text.RegularExpressions;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Column = Perimeter.Features.Imports.AlertCsvColumns;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Imports;

/// <summary>One CSV row to alert content; every cell that cannot be read adds an error naming its column.</summary>
internal sealed partial class AlertCsvRow
{
    private readonly Dictionary<string, string> _cells = new(StringComparer.Ordinal);
    private readonly int _line;
    private readonly string _fileName;
    private readonly List<ImportError> _errors;
    private bool _failed;

    public AlertCsvRow(IReadOnlyList<string> columns, CsvRecord record, string fileName, List<ImportError> errors)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (record.Fields[i].Trim() is { Length: > 0 } cell)
                _cells[columns[i]] = cell;
        }
        _line = record.Line;
        _fileName = fileName;
        _errors = errors;
    }

    // ISO 3166-2 subdivisions such as US-TX and MX-BCN, which a plate issuer may be.
    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex Subdivision();

    public AlertContent? Read()
    {
        if (!Has(Column.Kind))
            Error(Column.Kind, "required");
        if (!Has(Column.Category))
            Error(Column.Category, "required");
        var kind = Word<AlertKind>(Column.Kind, default);
        var category = Word<AlertCategory>(Column.Category, default);
        if (_failed)
            return null;
        foreach (var (column, kinds) in AlertCsvColumns.All)
        {
            if (kinds.Length > 0 && !kinds.Contains(kind) && Has(column))
                Error(column, $"not used in {MarkingText.Of(kind)} alerts");
        }
        var content = new AlertContent
        {
            Kind = kind,
            Category = category,
            ActionOnHit = Word(Column.ActionOnHit, Alerts.ActionOnHit.ContactOriginator),
            Narrative = Text(Column.Narrative),
            ExternalRef = Text(Column.ExternalRef),
            Markings = ReadMarkings(),
            Subject = kind switch
            {
                AlertKind.Person => new AlertSubject { Person = ReadPerson() },
                AlertKind.Organization => new AlertSubject { Organization = ReadOrganization() },
                AlertKind.Vehicle => new AlertSubject { Vehicle = ReadVehicle() },
                AlertKind.Firearm => new AlertSubject { Firearm = ReadFirearm() },
                AlertKind.Document => new AlertSubject { Document = ReadDocument() },
            },
        };
        return _failed ? null : content;
    }

    private Markings ReadMarkings()
    {
        var tlp = Access.Tlp.Amber;
        if (Text(Column.Tlp) is { } tlpText && !MarkingText.TryParseTlp(tlpText, out tlp))
            Error(Column.Tlp, $"unknown value \"{tlpText}\" (expected one of {string.Join(", ", Enum.GetValues<Tlp>().Select(MarkingText.Of))})");
        var purposes = Access.Purposes.None;
        if (Text(Column.Purposes) is { } purposesText && !MarkingText.TryParsePurposes(purposesText, out purposes, out var unknown))
            Error(Column.Purposes, $"unknown value \"{unknown}\" (expected one of {string.Join(", ", MarkingText.Of((Purposes)~0))})");
        DateOnly? reviewBy = null;
        if (Text(Column.ReviewBy) is { } reviewText)
        {
            if (DateOnly.TryParseExact(reviewText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                reviewBy = date;
            else
                Error(Column.ReviewBy, $"invalid date \"{reviewText}\" (expected YYYY-MM-DD)");
        }
        return new Markings
        {
            Tlp = tlp,
            ReleasableTo = List(Column.ReleasableTo),
            Handling = Word(Column.Handling, Access.Handling.ThirdPartyRule),
            SourceReliability = Word(Column.SourceReliability, Access.SourceReliability.F),
            InformationCredibility = Credibility(),
            Purposes = purposes,
            ReviewBy = reviewBy,
        };
    }

    private PersonData ReadPerson()
    {
        var names = new List<PersonName>();
        if (Text(Column.GivenNames) is not null || Text(Column.Surnames) is not null || Text(Column.FullName) is not null)
            names.Add(new PersonName(Text(Column.GivenNames), Text(Column.Surnames), Text(Column.FullName)));
        foreach (var alias in List(Column.Aliases))
        {
            var bar = alias.IndexOf('|', StringComparison.Ordinal);
            names.Add(bar < 0
                ? new PersonName(null, null, alias, NameType.Aka)
                : new PersonName(Blank(alias[..bar]), Blank(alias[(bar + 1)..]), null, NameType.Aka));
        }
        names.AddRange(List(Column.Nicknames).Select(n => new PersonName(null, null, n, NameType.Nickname)));
        var dates = new List<PartialDate>();
        foreach (var text in List(Column.DatesOfBirth))
        {
            if (PartialDate.TryParse(text, out var date))
                dates.Add(date);
            else
                Error(Column.DatesOfBirth, $"invalid date \"{text}\" (expected YYYY, YYYY-MM or YYYY-MM-DD)");
        }
        return new PersonData
        {
            Names = names,
            DatesOfBirth = dates,
            PlaceOfBirth = Text(Column.PlaceOfBirth),
            Nationalities = CountryList(Column.Nationalities),
            Sex = Word(Column.Sex, Sex.Unknown),
            Documents = DocumentList(Column.Documents),
        };
    }

    private OrganizationData ReadOrganization() => new()
    {
        Names = [.. Text(Column.OrganizationName) is { } name ? [new OrganizationName(name)] : Array.Empty<OrganizationName>(),
            .. List(Column.Aliases).Select(a => new OrganizationName(a, NameType.Aka))],
        Countries = CountryList(Column.Countries),
        Registrations = DocumentList(Column.Registrations),
    };

    private VehicleData ReadVehicle()
    {
        int? year = null;
        if (Text(Column.Year) is { } yearText)
        {
            if (int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                year = y;
            else
                Error(Column.Year, $"invalid year \"{yearText}\"");
        }
        return new VehicleData
        {
            Type = Word(Column.VehicleType, Alerts.VehicleType.Car),
            Plate = Text(Column.Plate),
            PlateIssuer = PlateIssuerCode(),
            Vin = Text(Column.Vin),
            Make = Text(Column.Make),
            Model = Text(Column.Model),
            Colour = Text(Column.Colour),
            Year = year,
            Names = [.. Text(Column.VehicleName) is { } name ? [name] : Array.Empty<string>(), .. List(Column.Aliases)],
            Identifiers = List(Column.Identifiers),
            Flag = Country(Column.Flag, Text(Column.Flag)),
        };
    }

    private FirearmData ReadFirearm() => new()
    {
        SerialNumber = Text(Column.SerialNumber) ?? "",
        Make = Text(Column.Make),
        Model = Text(Column.Model),
        Calibre = Text(Column.Calibre),
        Type = Word(Column.FirearmType, Alerts.FirearmType.Other),
    };

    private DocumentData ReadDocument() => new()
    {
        Type = Word(Column.DocumentType, DocumentType.Passport),
        Number = Text(Column.DocumentNumber) ?? "",
        IssuingCountry = Country(Column.IssuingCountry, Text(Column.IssuingCountry)),
        HolderName = Text(Column.HolderName),
    };

    private InformationCredibility Credibility()
    {
        // The Admiralty scale is usually written as its digit, 1 to 6.
        if (Text(Column.InformationCredibility) is { Length: 1 } digit && digit[0] is >= '1' and <= '6')
            return (InformationCredibility)(digit[0] - '0');
        return Word(Column.InformationCredibility, Access.InformationCredibility.CannotBeJudged);
    }

    // "passport:G123:MX", "curp:GULJ540125HSLZRQ09", "national-id:123:Mexico".
    private IdentityDocument[] DocumentList(string column)
    {
        var documents = new List<IdentityDocument>();
        foreach (var item in List(column))
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length is < 2 or > 3 || parts[1].Length == 0)
            {
                Error(column, $"invalid document \"{item}\" (expected type:number or type:number:country)");
                continue;
            }
            if (!MarkingText.TryParse<DocumentType>(parts[0], out var type))
            {
                Error(column, $"unknown document type \"{parts[0]}\" (expected one of {Words<DocumentType>()})");
                continue;
            }
            documents.Add(new IdentityDocument(type, parts[1], parts.Length == 3 ? Country(column, Blank(parts[2])) : null));
        }
        return [.. documents];
    }

    private string[] CountryList(string column) => [.. List(column).Select(c => Country(column, c)).OfType<string>()];

    private string? Country(string column, string? text)
    {
        if (text is null)
            return null;
        if (CountryNames.TryParse(text, out var code))
            return code;
        Error(column, $"unknown country \"{text}\" (expected an ISO 3166 code such as MX or a country name)");
        return null;
    }

    private string? PlateIssuerCode()
    {
        if (Text(Column.PlateIssuer) is not { } text)
            return null;
        var upper = text.ToUpperInvariant();
        return Subdivision().IsMatch(upper) ? upper : Country(Column.PlateIssuer, text);
    }

    private T Word<T>(string column, T fallback) where T : struct, Enum
    {
        if (Text(column) is not { } text)
            return fallback;
        if (MarkingText.TryParse<T>(text, out var value))
            return value;
        Error(column, $"unknown value \"{text}\" (expected one of {Words<T>()})");
        return fallback;
    }

    private static string Words<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(MarkingText.Of));

    private string[] List(string column) =>
        Text(column)?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private bool Has(string column) => _cells.ContainsKey(column);

    private string? Text(string column) => _cells.GetValueOrDefault(column);

    private static string? Blank(string text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Error(string column, string message)
    {
        _failed = true;
        _errors.Add(new ImportError(_fileName, _line, $"{column}: {message}"));
    }
}

using System.Text;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Imports;

/// <summary>
/// Turns one <c>sdn.csv</c> row, its aliases and its address countries into valid alert content. Values that would
/// make the alert invalid (unknown countries, over-long numbers, more items than an alert holds) are left out, and
/// each one is written to the warnings.
/// </summary>
internal sealed class OfacEntryBuilder(int entNum, IReadOnlyList<string> fields, List<string> warnings)
{
    private const int MaxPlaceOfBirthLength = 200;
    private const int MaxDocumentNumberLength = 60;
    private const int MaxMakeOrModelLength = 100;

    private string? Field(int index) => OfacReader.Value(fields, index);

    private string Name => Field(1) ?? "";
    private string? Type => Field(2);
    private string? Programs => Field(3);
    private string? Title => Field(4);
    private string? CallSign => Field(5);
    private string? VesselType => Field(6);
    private string? Tonnage => Field(7);
    private string? GrossRegisteredTonnage => Field(8);
    private string? VesselFlag => Field(9);
    private string? VesselOwner => Field(10);
    private string? Remarks => Field(11);

    public AlertContent Build(IReadOnlyList<(NameType Type, string Name)> aliases, IReadOnlyList<string> addressCountries)
    {
        var remarks = OfacRemarks.Parse(Remarks);
        var (kind, subject) = Type switch
        {
            "individual" => (AlertKind.Person, new AlertSubject { Person = Person(remarks, aliases) }),
            "vessel" => (AlertKind.Vehicle, new AlertSubject { Vehicle = Vehicle(VehicleType.Vessel, remarks, aliases) }),
            "aircraft" => (AlertKind.Vehicle, new AlertSubject { Vehicle = Vehicle(VehicleType.Aircraft, remarks, aliases) }),
            _ => (AlertKind.Organization, new AlertSubject { Organization = Organization(remarks, aliases, addressCountries) }),
        };
        if (Type is not (null or "individual" or "vessel" or "aircraft"))
            Warn($"unknown SDN type \"{Type}\", read as an organization");
        return new AlertContent
        {
            Kind = kind,
            Category = AlertCategory.Sanctioned,
            ActionOnHit = ActionOnHit.ContactOriginator,
            Markings = OfacReader.Markings,
            Subject = subject,
            Narrative = Narrative(),
            ExternalRef = $"ofac:{entNum}",
        };
    }

    private PersonData Person(OfacRemarks remarks, IReadOnlyList<(NameType Type, string Name)> aliases)
    {
        IEnumerable<PersonName> names =
        [
            PersonNameOf(Name, NameType.Primary),
            .. aliases.Select(a => PersonNameOf(a.Name, a.Type)),
            .. remarks.WeakAkas.Select(w => PersonNameOf(w, NameType.WeakAka)),
        ];
        return new PersonData
        {
            Names = Capped("names", names.Where(n => n.Display.Length > 0).Distinct(), AlertContent.MaxNames),
            DatesOfBirth = Capped("dates of birth", remarks.DatesOfBirth.SelectMany(DatesOfBirth).Distinct(), AlertContent.MaxListItems),
            PlaceOfBirth = remarks.PlacesOfBirth.Count > 0 ? Cut("place of birth", remarks.PlacesOfBirth[0], MaxPlaceOfBirthLength) : null,
            Nationalities = Countries("nationality", "nationalities", remarks.Nationalities),
            Sex = remarks.Sex,
            Documents = Documents(remarks),
        };
    }

    private OrganizationData Organization(
        OfacRemarks remarks, IReadOnlyList<(NameType Type, string Name)> aliases, IReadOnlyList<string> addressCountries)
    {
        IEnumerable<OrganizationName> names =
        [
            new(Cut("name", Name, AlertContent.MaxNameLength), NameType.Primary),
            .. aliases.Select(a => new OrganizationName(Cut("alias", a.Name, AlertContent.MaxNameLength), a.Type)),
            .. remarks.WeakAkas.Select(w => new OrganizationName(Cut("alias", w, AlertContent.MaxNameLength), NameType.WeakAka)),
        ];
        return new OrganizationData
        {
            Names = Capped("names", names.Where(n => n.Name.Length > 0).Distinct(), AlertContent.MaxNames),
            Countries = Countries("country", "countries", [.. addressCountries, .. remarks.Nationalities]),
            Registrations = Documents(remarks),
        };
    }

    private VehicleData Vehicle(VehicleType type, OfacRemarks remarks, IReadOnlyList<(NameType Type, string Name)> aliases)
    {
        IEnumerable<string> names = [Name, .. aliases.Select(a => a.Name), .. remarks.WeakAkas];
        IEnumerable<string?> identifiers = [CallSign, .. remarks.Identifiers];
        var year = remarks.BuildYear;
        if (year is < 1886 or > 2100)
        {
            Warn($"dropped year {year} (out of range)");
            year = null;
        }
        return new VehicleData
        {
            Type = type,
            Names = Capped("names", names.Select(n => Cut("name", n, AlertContent.MaxNameLength)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal), AlertContent.MaxListItems),
            Identifiers = Capped("identifiers", identifiers.OfType<string>().Distinct(StringComparer.Ordinal), AlertContent.MaxListItems),
            Flag = VesselFlag is { } flag ? Country("flag", flag) : null,
            Model = remarks.AircraftModel is { } model ? Cut("model", model, MaxMakeOrModelLength) : null,
            Year = year,
        };
    }

    // "GUZMAN LOERA, Joaquin": surnames before the first comma, given names after it.
    private PersonName PersonNameOf(string text, NameType type)
    {
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0)
            return new PersonName(null, null, Cut("name", text.Trim(), AlertContent.MaxNameLength), type);
        var surnames = text[..comma].Trim();
        var given = text[(comma + 1)..].Trim();
        if (surnames.Length == 0)
            return new PersonName(null, null, Cut("name", given, AlertContent.MaxNameLength), type);
        return new PersonName(
            given.Length == 0 ? null : Cut("given names", given, AlertContent.MaxNameLength),
            Cut("surnames", surnames, AlertContent.MaxNameLength),
            null,
            type);
    }

    private IEnumerable<PartialDate> DatesOfBirth(string text)
    {
        if (OfacDates.Parse(text) is { } dates)
            return dates;
        Warn($"dropped date of birth \"{text}\" (not a date)");
        return [];
    }

    private IdentityDocument[] Documents(OfacRemarks remarks)
    {
        var documents = new List<IdentityDocument>();
        foreach (var document in remarks.Documents)
        {
            if (document.Number.Length > MaxDocumentNumberLength)
            {
                Warn($"dropped document number \"{document.Number}\" (longer than {MaxDocumentNumberLength})");
                continue;
            }
            var country = document.Country is { } name ? Country("issuing country", name) : null;
            documents.Add(new IdentityDocument(document.Type, document.Number, country));
        }
        return Capped("documents", documents.Distinct(), AlertContent.MaxListItems);
    }

    private string[] Countries(string what, string plural, IEnumerable<string> names) =>
        Capped(plural, names.Select(n => Country(what, n)).OfType<string>().Distinct(StringComparer.Ordinal), AlertContent.MaxListItems);

    // OFAC writes "Region: Gaza", "Cabo Verde.  Previously Cape Verde." and "None Identified" where a country goes.
    private string? Country(string what, string name)
    {
        var text = name.Trim();
        if (text.StartsWith("Region: ", StringComparison.Ordinal))
            text = text["Region: ".Length..];
        if (text.IndexOf(". ", StringComparison.Ordinal) is > 0 and var sentence)
            text = text[..sentence];
        if (CountryNames.TryParse(text, out var code))
            return code;
        if (!string.Equals(text, "None Identified", StringComparison.OrdinalIgnoreCase))
            Warn($"dropped {what} \"{name}\" (not a country)");
        return null;
    }

    private T[] Capped<T>(string what, IEnumerable<T> items, int max)
    {
        var all = items.ToArray();
        if (all.Length <= max)
            return all;
        Warn($"kept the first {max} of {all.Length} {what}");
        return all[..max];
    }

    private string Cut(string what, string text, int maxLength)
    {
        if (text.Length <= maxLength)
            return text;
        Warn($"cut {what} \"{text[..20]}…\" to {maxLength} characters");
        return text[..maxLength].TrimEnd();
    }

    private string Narrative()
    {
        var narrative = new StringBuilder("OFAC SDN list");
        if (Programs is { } programs)
            narrative.Append(" (").Append(string.Join(", ", programs.Split("] [", StringSplitOptions.TrimEntries))).Append(')');
        if (Title is { } title)
            narrative.Append(": ").Append(title);
        narrative.Append('.');
        string?[] vessel = [
            VesselType is { } v ? $"Vessel type {v}" : null,
            Tonnage is { } t ? $"tonnage {t}" : null,
            GrossRegisteredTonnage is { } g ? $"GRT {g}" : null,
            VesselFlag is { } f ? $"flag {f}" : null,
            VesselOwner is { } o ? $"owner {o}" : null,
        ];
        if (vessel.Any(v => v is not null))
            narrative.Append('\n').Append(string.Join("; ", vessel.OfType<string>()).TrimEnd('.')).Append('.');
        if (Remarks is { } remarks)
            narrative.Append('\n').Append(remarks);
        var text = narrative.ToString();
        return text.Length <= AlertContent.MaxNarrativeLength ? text : text[..AlertContent.MaxNarrativeLength];
    }

    private void Warn(string message) => warnings.Add($"ofac:{entNum}: {message}");
}

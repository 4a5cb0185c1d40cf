using System.Globalization;
using System.Text.RegularExpressions;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Imports;

/// <summary>An identity or registration document as OFAC writes it: <c>Passport A123 (Mexico)</c>.</summary>
internal sealed record OfacDocument(DocumentType Type, string Number, string? Country);

/// <summary>
/// The facts in an SDN row's remarks, still as OFAC wrote them (country names, not codes). The remarks are
/// <c>;</c>-separated facts such as <c>DOB 25 Dec 1954; alt. DOB 1955; POB Mexico; nationality Mexico; Gender Male;
/// Passport X (Mexico); a.k.a. 'CHAPO'; Linked To: ...</c>; anything not listed here stays in the narrative only.
/// </summary>
internal sealed partial record OfacRemarks
{
    // Longest labels first, so that "Registration Number" is not read as "Registration".
    private static readonly (string Label, DocumentType Type)[] DocumentLabels = [.. new (string, DocumentType)[]
    {
        ("Passport", DocumentType.Passport),
        ("Diplomatic Passport", DocumentType.Passport),
        ("C.U.R.P.", DocumentType.Curp),
        ("CURP", DocumentType.Curp),
        ("National ID No.", DocumentType.NationalId),
        ("Cedula No.", DocumentType.NationalId),
        ("D.N.I.", DocumentType.NationalId),
        ("Identification Number", DocumentType.NationalId),
        ("Driver's License No.", DocumentType.DriverLicence),
        ("Electoral Registry No.", DocumentType.VoterCard),
        ("RFC", DocumentType.TaxId),
        ("Tax ID No.", DocumentType.TaxId),
        ("NIT #", DocumentType.TaxId),
        ("RUC #", DocumentType.TaxId),
        ("RIF #", DocumentType.TaxId),
        ("V.A.T. Number", DocumentType.TaxId),
        ("Registration ID", DocumentType.CompanyRegistration),
        ("Registration Number", DocumentType.CompanyRegistration),
        ("Business Registration Number", DocumentType.CompanyRegistration),
        ("Business Registration Document #", DocumentType.CompanyRegistration),
        ("Company Number", DocumentType.CompanyRegistration),
        ("Commercial Registry Number", DocumentType.CompanyRegistration),
        ("Chamber of Commerce Number", DocumentType.CompanyRegistration),
        ("Folio Mercantil No.", DocumentType.CompanyRegistration),
        ("Matricula Mercantil No", DocumentType.CompanyRegistration),
        ("Trade License No.", DocumentType.CompanyRegistration),
        ("Legal Entity Number", DocumentType.CompanyRegistration),
        ("C.R. No.", DocumentType.CompanyRegistration),
        ("Unified Social Credit Code (USCC)", DocumentType.CompanyRegistration),
        ("Government Gazette Number", DocumentType.CompanyRegistration),
    }.OrderByDescending(l => l.Item1.Length)];

    public List<string> DatesOfBirth { get; } = [];
    public List<string> PlacesOfBirth { get; } = [];
    /// <summary>From <c>nationality X</c> and <c>citizen X</c>, and for entities <c>Nationality of Registration X</c>.</summary>
    public List<string> Nationalities { get; } = [];
    public Sex Sex { get; private set; }
    public List<OfacDocument> Documents { get; } = [];
    /// <summary>Names from <c>a.k.a. 'CHAPO'</c>, which OFAC flags as weak by putting them here, not in alt.csv.</summary>
    public List<string> WeakAkas { get; } = [];
    /// <summary>IMO and MMSI numbers of vessels; serial, tail and construction numbers of aircraft.</summary>
    public List<string> Identifiers { get; } = [];
    public string? AircraftModel { get; private set; }
    public int? BuildYear { get; private set; }

    [GeneratedRegex(@"^(?<number>.*?)\s*(?:\((?<country>[^()]*)\))?\s*(?:\b(?:issued|expires)\b.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberAndCountry();

    [GeneratedRegex(@"\b(?<year>1[89]\d\d|20\d\d)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Year();

    public static OfacRemarks Parse(string? remarks)
    {
        var facts = new OfacRemarks();
        foreach (var raw in (remarks ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.TrimEnd('.').Trim();
            var fact = part.StartsWith("alt. ", StringComparison.Ordinal) ? part["alt. ".Length..].Trim() : part;
            facts.Add(fact);
        }
        return facts;
    }

    private void Add(string fact)
    {
        if (After(fact, "DOB") is { } dob)
            DatesOfBirth.Add(dob);
        else if (After(fact, "POB") is { } pob)
            PlacesOfBirth.Add(pob);
        else if ((After(fact, "nationality") ?? After(fact, "citizen") ?? After(fact, "Nationality of Registration")
                  ?? After(fact, "Registration Country")) is { } country)
            Nationalities.Add(country);
        else if (string.Equals(fact, "Gender Male", StringComparison.Ordinal))
            Sex = Sex.Male;
        else if (string.Equals(fact, "Gender Female", StringComparison.Ordinal))
            Sex = Sex.Female;
        else if (After(fact, "a.k.a.") is { } aka)
            WeakAkas.Add(aka.Trim('\'', ' '));
        else if (After(fact, "Vessel Registration Identification") is { } vesselId)
            Identifiers.Add(vesselId.Replace("IMO  ", "IMO ", StringComparison.Ordinal));
        else if (After(fact, "MMSI") is { } mmsi)
            Identifiers.Add(mmsi);
        else if ((After(fact, "Aircraft Manufacturer's Serial Number (MSN)") ?? After(fact, "Aircraft Tail Number")
                  ?? After(fact, "Aircraft Construction Number (also called L/N or S/N or F/N)")) is { } aircraftId)
            Identifiers.Add(aircraftId);
        else if (After(fact, "Aircraft Model") is { } model)
            AircraftModel = model;
        else if ((After(fact, "Aircraft Manufacture Date") ?? After(fact, "Vessel Year of Build")) is { } built
                 && Year().Match(built) is { Success: true } year)
            BuildYear = int.Parse(year.Groups["year"].ValueSpan, provider: CultureInfo.InvariantCulture);
        else if (Document(fact) is { } document)
            Documents.Add(document);
    }

    private static OfacDocument? Document(string fact)
    {
        foreach (var (label, type) in DocumentLabels)
        {
            if (After(fact, label) is not { } rest)
                continue;
            var match = NumberAndCountry().Match(rest);
            var number = match.Groups["number"].Value.Trim();
            var country = match.Groups["country"] is { Success: true } c ? c.Value.Trim() : null;
            return number.Length == 0 ? null : new OfacDocument(type, number, country);
        }
        return null;
    }

    // "DOB 25 Dec 1954" after "DOB" is "25 Dec 1954"; the label must be followed by a space.
    private static string? After(string fact, string label) =>
        fact.Length > label.Length + 1 && fact.StartsWith(label, StringComparison.Ordinal) && fact[label.Length] == ' '
            ? fact[(label.Length + 1)..].Trim()
            : null;
}

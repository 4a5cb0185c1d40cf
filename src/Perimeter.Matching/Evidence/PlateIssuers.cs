using System.Collections.Frozen;
using System.Text;

namespace Perimeter.Matching.Evidence;

/// <summary>
/// Who issued a licence plate, as ISO 3166-2 (<c>US-TX</c>, <c>MX-BCN</c>, <c>CA-ON</c>) or, for a country,
/// alpha-2 (<c>MX</c>): read from codes, names and the abbreviations officers and registries write.
/// </summary>
/// <remarks>
/// A bare two-letter code is a US state (USPS), since those are what plates along the border carry, except the codes
/// of the partner countries themselves: <c>CA</c> is Canada, so California is written <c>US-CA</c>, <c>California</c>
/// or <c>Calif</c>. That keeps normalising idempotent: every output reads back as itself. <c>MEX</c> and <c>México</c>
/// alone are the country; the State of México is <c>MX-MEX</c>, <c>Edomex</c> or <c>Estado de México</c>. "Mich" is
/// refused as ambiguous (Michigan or Michoacán).
/// </remarks>
internal static class PlateIssuers
{
    /// <summary>The ISO form of an issuer, its folded text when the tables do not know it, null when blank: <c>Normalize("Baja California")</c> → <c>"MX-BCN"</c>.</summary>
    public static string? Normalize(string? issuer)
    {
        var key = Key(issuer);
        if (key.Length == 0)
            return null;
        return ByKey.TryGetValue(key, out var iso) ? iso : key;
    }

    // Upper case, accents dropped, letters and digits only: "Nuevo León" → NUEVOLEON, "N.L." → NL, "US-TX" → USTX.
    private static string Key(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    private static FrozenDictionary<string, string> Build()
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string iso, params string[] names)
        {
            foreach (var name in names)
                table.Add(Key(name), iso);   // Add, not the indexer: a key claimed twice is a bug in these tables
        }

        foreach (var (country, names) in Countries)
            Add(country, names);
        foreach (var (code, name, aliases) in UsStates)
        {
            var iso = $"US-{code}";
            Add(iso, [$"US{code}", name, .. aliases]);
            if (code != "CA")
                Add(iso, code);
        }
        foreach (var (code, name, aliases) in MexicanStates)
        {
            var iso = $"MX-{code}";
            Add(iso, [$"MX{code}", name, .. aliases, .. aliases.Select(a => $"MX{a}")]);
            if (code != "MEX")
                Add(iso, code);
        }
        foreach (var (code, name, aliases) in CanadianProvinces)
            Add($"CA-{code}", [$"CA{code}", name, .. aliases]);
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static readonly (string Code, string[] Names)[] Countries =
    [
        ("US", ["US", "USA", "United States", "United States of America", "Estados Unidos", "Estados Unidos de América", "EUA", "EEUU"]),
        ("MX", ["MX", "MEX", "México", "Estados Unidos Mexicanos"]),
        ("CA", ["CA", "CAN", "Canada"]),
        ("GT", ["GT", "GTM", "Guatemala"]),
        ("BZ", ["BZ", "BLZ", "Belize", "Belice"]),
    ];

    // USPS codes; aliases are the common abbreviations and the Spanish names used south of the border.
    private static readonly (string Code, string Name, string[] Aliases)[] UsStates =
    [
        ("AL", "Alabama", ["Ala"]), ("AK", "Alaska", []), ("AZ", "Arizona", ["Ariz"]), ("AR", "Arkansas", ["Ark"]),
        ("CA", "California", ["Calif", "Cal"]), ("CO", "Colorado", ["Colo"]), ("CT", "Connecticut", ["Conn"]),
        ("DE", "Delaware", ["Del"]), ("FL", "Florida", ["Fla"]), ("GA", "Georgia", []), ("HI", "Hawaii", ["Hawái"]),
        ("ID", "Idaho", []), ("IL", "Illinois", ["Ill"]), ("IN", "Indiana", ["Ind"]), ("IA", "Iowa", []),
        ("KS", "Kansas", ["Kans"]), ("KY", "Kentucky", []), ("LA", "Louisiana", ["Luisiana"]), ("ME", "Maine", []),
        ("MD", "Maryland", []), ("MA", "Massachusetts", ["Mass"]), ("MI", "Michigan", []), ("MN", "Minnesota", ["Minn"]),
        ("MS", "Mississippi", ["Miss", "Misisipi"]), ("MO", "Missouri", ["Misuri"]), ("MT", "Montana", ["Mont"]),
        ("NE", "Nebraska", ["Nebr"]), ("NV", "Nevada", ["Nev"]), ("NH", "New Hampshire", ["Nuevo Hampshire"]),
        ("NJ", "New Jersey", ["Nueva Jersey"]), ("NM", "New Mexico", ["N Mex", "Nuevo México"]),
        ("NY", "New York", ["Nueva York"]), ("NC", "North Carolina", ["Carolina del Norte"]),
        ("ND", "North Dakota", ["Dakota del Norte"]), ("OH", "Ohio", []), ("OK", "Oklahoma", ["Okla"]),
        ("OR", "Oregon", ["Ore", "Oreg"]), ("PA", "Pennsylvania", ["Penn", "Penna", "Pensilvania"]),
        ("RI", "Rhode Island", []), ("SC", "South Carolina", ["Carolina del Sur"]),
        ("SD", "South Dakota", ["Dakota del Sur"]), ("TN", "Tennessee", ["Tenn"]), ("TX", "Texas", ["Tex"]),
        ("UT", "Utah", []), ("VT", "Vermont", []), ("VA", "Virginia", []), ("WA", "Washington", ["Wash"]),
        ("WV", "West Virginia", ["Virginia Occidental"]), ("WI", "Wisconsin", ["Wis", "Wisc"]),
        ("WY", "Wyoming", ["Wyo"]), ("DC", "District of Columbia", ["Washington DC", "Distrito de Columbia"]),
        ("PR", "Puerto Rico", []), ("GU", "Guam", []), ("VI", "United States Virgin Islands", ["Virgin Islands"]),
        ("AS", "American Samoa", []), ("MP", "Northern Mariana Islands", []),
    ];

    // ISO 3166-2:MX codes (MX-CMX replaced MX-DIF in 2017); aliases are the official abbreviations and older names.
    private static readonly (string Code, string Name, string[] Aliases)[] MexicanStates =
    [
        ("AGU", "Aguascalientes", ["Ags"]), ("BCN", "Baja California", ["BC"]),
        ("BCS", "Baja California Sur", []), ("CAM", "Campeche", ["Camp"]), ("CHP", "Chiapas", ["Chis"]),
        ("CHH", "Chihuahua", ["Chih"]),
        ("CMX", "Ciudad de México", ["CDMX", "DF", "DIF", "Distrito Federal", "México DF", "Mexico City"]),
        ("COA", "Coahuila", ["Coah", "Coahuila de Zaragoza"]), ("COL", "Colima", []), ("DUR", "Durango", ["Dgo"]),
        ("GUA", "Guanajuato", ["Gto"]), ("GRO", "Guerrero", []), ("HID", "Hidalgo", ["Hgo"]), ("JAL", "Jalisco", []),
        ("MEX", "Estado de México", ["Edomex", "Edo de México", "State of Mexico"]),
        ("MIC", "Michoacán", ["Michoacán de Ocampo"]), ("MOR", "Morelos", []), ("NAY", "Nayarit", []),
        ("NLE", "Nuevo León", ["NL"]), ("OAX", "Oaxaca", []), ("PUE", "Puebla", []),
        ("QUE", "Querétaro", ["Qro", "Querétaro de Arteaga"]), ("ROO", "Quintana Roo", ["QRoo", "QR"]),
        ("SLP", "San Luis Potosí", []), ("SIN", "Sinaloa", []), ("SON", "Sonora", []), ("TAB", "Tabasco", []),
        ("TAM", "Tamaulipas", ["Tamps"]), ("TLA", "Tlaxcala", ["Tlax"]),
        ("VER", "Veracruz", ["Veracruz de Ignacio de la Llave"]), ("YUC", "Yucatán", []), ("ZAC", "Zacatecas", []),
    ];

    // Canada's provinces, by ISO code with its CA- prefix or by name only: bare BC and NL are Mexican states here.
    private static readonly (string Code, string Name, string[] Aliases)[] CanadianProvinces =
    [
        ("AB", "Alberta", []), ("BC", "British Columbia", ["Colombie Britannique"]), ("MB", "Manitoba", []),
        ("NB", "New Brunswick", ["Nouveau Brunswick"]), ("NL", "Newfoundland and Labrador", ["Newfoundland"]),
        ("NS", "Nova Scotia", ["Nouvelle Écosse"]), ("NT", "Northwest Territories", []), ("NU", "Nunavut", []),
        ("ON", "Ontario", []), ("PE", "Prince Edward Island", []), ("QC", "Québec", []), ("SK", "Saskatchewan", []),
        ("YT", "Yukon", []),
    ];

    /// <summary>Whether an ISO subdivision lies in an alpha-2 country: <c>IsIn("MX-BCN", "MX")</c> → true.</summary>
    public static bool IsIn(string subdivision, string country) =>
        subdivision.Length > country.Length + 1
        && subdivision.StartsWith(country, StringComparison.Ordinal)
        && subdivision[country.Length] == '-';

    // Declared after the tables: static fields are initialised in the order they are written.
    private static readonly FrozenDictionary<string, string> ByKey = Build();
}

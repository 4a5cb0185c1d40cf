using System.Globalization;
using System.Text.RegularExpressions;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// How company names are made and written, for organization queries: the generic words Mexican and American company
/// names are built from (written here for the benchmark, not read from the engine's tables), and the ways a legal
/// form is written.
/// </summary>
internal static partial class OrganizationWords
{
    private static readonly string[] SpanishHeads =
    [
        "Comercializadora", "Distribuidora", "Transportes", "Autotransportes", "Inmobiliaria", "Constructora", "Servicios",
        "Grupo", "Importadora", "Exportadora", "Agropecuaria", "Abarrotes", "Farmacias", "Consultores", "Logística",
        "Materiales", "Desarrollos", "Productos", "Alimentos", "Industrias", "Maquiladora", "Arrendadora", "Casa de Cambio",
        "Operadora", "Corporativo", "Promotora", "Gasolinera", "Hotelera", "Minera", "Pesquera",
    ];

    private static readonly string[] SpanishQualifiers =
    [
        "del Norte", "del Sur", "del Pacífico", "del Golfo", "del Bajío", "de Occidente", "del Noroeste", "Internacional",
        "Integral", "Mexicana", "Nacional", "Industrial", "Unidos", "Modernos", "Global", "Fronteriza", "Regional",
        "Ejecutiva", "Especializada", "Continental",
    ];

    private static readonly string[] Places =
    [
        "Monterrey", "Tijuana", "Culiacán", "Sinaloa", "Sonora", "Jalisco", "Guadalajara", "Juárez", "Reynosa", "Nogales",
        "Hermosillo", "Chihuahua", "Durango", "Veracruz", "Puebla", "Mexicali", "Matamoros", "Nuevo Laredo", "Querétaro",
        "Baja California", "Michoacán", "Tamaulipas", "Zacatecas", "Mazatlán", "Ensenada",
    ];

    private static readonly string[] SpanishForms = ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.", "S.C.", "S.A.P.I. de C.V.", "S. de R.L."];

    private static readonly string[] EnglishFirst =
    [
        "Blue River", "Pacific", "Northern", "Southwest", "Border", "Golden State", "Lone Star", "Eagle", "Desert",
        "Gulf Coast", "Sun Valley", "Summit", "Premier", "United", "American", "Continental", "Rio Grande", "Frontier",
        "Mesa", "Sierra", "Coastal", "Midwest", "Liberty", "Pioneer", "Atlas",
    ];

    private static readonly string[] EnglishSecond =
    [
        "Trading", "Logistics", "Holdings", "Enterprises", "Imports", "Exports", "Freight", "Transport", "Investments",
        "Realty", "Supply", "Services", "Group", "Partners", "Distributors", "Motors", "Foods", "Farms", "Energy", "Finance",
    ];

    private static readonly string[] EnglishForms = ["LLC", "Inc.", "Corp.", "Ltd.", "Co.", "L.L.C."];

    /// <summary>A company name of common words: "Transportes del Norte de Sonora S.A. de C.V.", "Blue River Trading LLC".</summary>
    public static string Common(Random random)
    {
        if (random.NextDouble() < 0.6)
        {
            var words = new List<string> { Pick(SpanishHeads, random) };
            if (random.NextDouble() < 0.7)
                words.Add(Pick(SpanishQualifiers, random));
            if (random.NextDouble() < 0.5)
                words.Add((words.Count == 1 ? "" : "de ") + Pick(Places, random));
            words.Add(Pick(SpanishForms, random));
            return string.Join(' ', words.Where(w => w.Length > 0)).Replace("  ", " ", StringComparison.Ordinal);
        }
        var first = random.NextDouble() < 0.3 ? Pick(Places, random) : Pick(EnglishFirst, random);
        return $"{first} {Pick(EnglishSecond, random)} {Pick(EnglishForms, random)}";
    }

    [GeneratedRegex(@"[,\s]*\b(S\.?\s?A\.?\s?P\.?\s?I\.?\s?DE\s+C\.?\s?V\.?|S\.?\s?A\.?\s?DE\s+C\.?\s?V\.?|S\.?\s?DE\s+R\.?\s?L\.?(\s?DE\s+C\.?\s?V\.?)?|S\.?\s?A\.?|S\.?\s?C\.?|L\.?\s?L\.?\s?C\.?|INC\.?|CORP\.?|LTD\.?|CO\.?|LIMITED|INCORPORATED|CORPORATION|GMBH|S\.?\s?R\.?\s?L\.?)\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingLegalForm();

    /// <summary>The name without its trailing legal form, or null when it has none: "GRUPO X, S.A. DE C.V." → "GRUPO X".</summary>
    public static string? DropLegalForm(string name)
    {
        var match = TrailingLegalForm().Match(name);
        if (!match.Success || match.Index == 0)
            return null;
        return name[..match.Index].Trim().TrimEnd(',');
    }

    /// <summary>The legal form written another way: "S.A. DE C.V." → "SA de CV", "LLC" → "L.L.C.", "INC." → "Incorporated".</summary>
    public static string? RewriteLegalForm(string name, Random random)
    {
        var match = TrailingLegalForm().Match(name);
        if (!match.Success || match.Index == 0)
            return null;
        var written = match.Value.Trim().TrimStart(',').Trim();
        var compact = written.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        string[] options = compact switch
        {
            "SADECV" => ["SA de CV", "S.A. de C.V.", "SA DE CV", "S A de C V"],
            "SDERLDECV" => ["S de RL de CV", "S. de R.L. de C.V.", "SRL de CV"],
            "SDERL" => ["S de RL", "S. de R.L."],
            "SAPIDECV" => ["SAPI de CV", "S.A.P.I. de C.V."],
            "LLC" => ["L.L.C.", "LLC", "Limited Liability Company"],
            "INC" or "INCORPORATED" => ["Inc", "Incorporated", "INC."],
            "CORP" or "CORPORATION" => ["Corporation", "Corp"],
            "LTD" or "LIMITED" => ["Limited", "Ltd"],
            _ => [],
        };
        var other = options.Where(o => !string.Equals(o, written, StringComparison.OrdinalIgnoreCase)).ToArray();
        return other.Length == 0 ? null : $"{name[..match.Index].Trim().TrimEnd(',')} {Pick(other, random)}";
    }

    /// <summary>
    /// A long name shortened as people say it: a word between the first and the last left out, of a name of four
    /// words or more before its legal form ("SANABIL AL-AQSA CHARITABLE FOUNDATION" → "SANABIL AL-AQSA FOUNDATION").
    /// </summary>
    public static string? DropAWord(string name, Random random)
    {
        var core = DropLegalForm(name) ?? name;
        var words = core.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 4)
            return null;
        var drop = random.Next(1, words.Length - 1);
        return string.Join(' ', words.Where((_, i) => i != drop)) + name[core.Length..];
    }

    /// <summary>
    /// A company name's words without its legal form, each without a plural s, in order: "Atlas Holdings Inc." and
    /// "ATLAS HOLDING" both → "atla holding"; two names with one key are one company as far as a label can tell.
    /// </summary>
    public static string Key(string name) =>
        string.Join(' ', Perimeter.Matching.Names.NameText.Fold(DropLegalForm(name) ?? name)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.TrimEnd('s')).Order(StringComparer.Ordinal));

    /// <summary>"GRUPO ALTAMIRA" → "Grupo Altamira": a name typed by hand rather than copied from the list.</summary>
    public static string InTitleCase(string name) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant());

    private static T Pick<T>(T[] items, Random random) => items[random.Next(items.Length)];
}

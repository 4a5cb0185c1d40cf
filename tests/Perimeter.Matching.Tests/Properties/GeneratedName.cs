using CsCheck;
using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Properties;

/// <summary>What the parser keeps as one piece: particles and their word ("de la Rosa"), two words joined by a hyphen, or an initial.</summary>
/// <param name="Words">As written, in order: ["de", "la", "Rosa"], ["Hernández", "García"], ["J."].</param>
/// <param name="Hyphenated">Written "Hernández-García" rather than with a space.</param>
/// <param name="AfterY">Written after the conjunction "y", as "Gasset" in "Ortega y Gasset": the parser drops the "y".</param>
internal sealed record NameUnit(string[] Words, bool Hyphenated = false, bool AfterY = false)
{
    public bool IsInitial => Words is [var word] && NameText.Fold(word).Length == 1;

    public string Write(Func<string, string> casing) =>
        (AfterY ? casing("y") + " " : "") + string.Join(Hyphenated ? "-" : " ", Words.Select(casing));
}

/// <summary>A quoted alias, perhaps after a marker: <c>alias "El Chapo"</c>.</summary>
internal sealed record GeneratedAlias(string? Marker, string Open, string Close, string? Article, string Word)
{
    public override string ToString() => (Marker is null ? "" : Marker + " ") + Open + (Article is null ? "" : Article + " ") + Word + Close;
}

/// <summary>
/// A person name built from given-name and surname units, and perhaps an alias. It holds no honorific, suffix,
/// abbreviation or digit: the parser documents that it drops or rewrites those. Everything else it must keep.
/// </summary>
internal sealed record GeneratedName(NameUnit[] Given, NameUnit[] Surnames, GeneratedAlias? Alias)
{
    private static readonly Gen<Func<string, string>> Casing = Gen.OneOf<Func<string, string>>(w => w.ToLowerInvariant(), Upper, Capitalized);

    // Longer than any abbreviation ("gzlez"), honorific ("licda") or particle ("santa"), so never read as one.
    private static readonly Gen<string> InventedWord = Gen.Char["abcdefghijklmnopqrstuvwxyzáéíóúüñ"].Array[6, 10]
        .Select(chars => new string(chars));

    private static readonly Gen<string> GivenWord = Cased(Gen.Frequency(
        (3, Gen.OneOf("José", "María", "Juan", "Joaquín", "Ana", "Luis", "Jesús", "Guadalupe", "Carmen", "Rosa", "Pedro",
            "Nicolás", "Feliciano", "Ismael", "John", "Mary", "Ludwig", "Ángeles")),
        (1, InventedWord)));

    // Glued particles ("Delarosa") and glued pairs ("Hernandezgarcia") are split by the lists; "O'Brien" keeps its apostrophe.
    private static readonly Gen<string> SurnameWord = Cased(Gen.Frequency(
        (3, Gen.OneOf("Guzmán", "Loera", "García", "Hernández", "López", "Núñez", "Peña", "Rosa", "Cruz", "Reyes", "Santos",
            "León", "Río", "Ortega", "Gasset", "Amezcua", "Zambada", "Smith", "Beethoven", "Dávila", "Delgado", "Villalobos",
            "Delarosa", "Delossantos", "Hernandezgarcia", "Santacruz", "O'Brien")),
        (1, InventedWord)));

    private static readonly Gen<string[]> Particles = Gen.Select(
        Gen.OneOf<string[]>(["de"], ["del"], ["de", "la"], ["de", "las"], ["de", "los"], ["dela"], ["delos"], ["van", "der"],
            ["von"], ["da"], ["dos"], ["san"], ["santa"]),
        Casing, (particles, casing) => particles.Select(casing).ToArray());

    // "e" and "y" are left out: before a word they are conjunctions, which the parser drops.
    private static readonly Gen<NameUnit> Initial = Gen.Select(Cased(Gen.Char["abcdfghijklmnpqrstuvwxz"].Select(c => c.ToString())), Gen.Bool,
        (letter, dotted) => new NameUnit([dotted ? letter + "." : letter]));

    private static readonly Gen<NameUnit> LaterGiven = Gen.Frequency(
        (4, GivenWord.Select(word => new NameUnit([word]))),
        (1, Initial),
        (1, Gen.Select(Gen.OneOf<string[]>(["de", "Jesús"], ["de", "los", "Ángeles"], ["del", "Carmen"], ["de", "la", "Luz"], ["de", "Dios"]),
            Casing, (words, casing) => new NameUnit([.. words.Select(casing)]))),
        (1, Gen.Select(GivenWord, GivenWord, (first, second) => new NameUnit([first, second], Hyphenated: true))));

    private static readonly Gen<NameUnit[]> GivenUnits = Gen.Select(
        Gen.Frequency((4, GivenWord.Select(word => new NameUnit([word]))), (1, Initial)), LaterGiven.Array[0, 2],
        (first, later) => (NameUnit[])[first, .. later]);

    private static readonly Gen<NameUnit> Surname = Gen.Frequency(
        (4, SurnameWord.Select(word => new NameUnit([word]))),
        (2, Gen.Select(Particles, SurnameWord, (particles, word) => new NameUnit([.. particles, word]))),
        (1, Gen.Select(SurnameWord, SurnameWord, (first, second) => new NameUnit([first, second], Hyphenated: true))));

    // "y" only ever joins the last surname to the one before: "Ortega y Gasset".
    private static readonly Gen<NameUnit[]> SurnameUnits = Gen.Select(Surname, Surname.Array[0, 2], Gen.Bool,
        (first, later, joined) => joined && later.Length > 0
            ? (NameUnit[])[first, .. later[..^1], later[^1] with { AfterY = true }]
            : [first, .. later]);

    private static readonly Gen<GeneratedAlias> AnAlias = Gen.Select(
        Gen.OneOf<string?>(null, "alias", "aka"),
        Gen.OneOf(("\"", "\""), ("“", "”"), ("«", "»"), ("'", "'")),
        Gen.OneOf<string?>(null, "El", "La", "the"),
        Gen.Frequency((2, InventedWord), (1, GivenWord)),
        (marker, quotes, article, word) => new GeneratedAlias(marker, quotes.Item1, quotes.Item2, article, word));

    public static readonly Gen<GeneratedName> Any = Gen.Select(GivenUnits, SurnameUnits,
        Gen.Frequency((3, Gen.Const((GeneratedAlias?)null)), (1, AnAlias.Select(alias => (GeneratedAlias?)alias))),
        (given, surnames, alias) => new GeneratedName(given, surnames, alias));

    public static string Upper(string word) => word.ToUpperInvariant();

    public static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant();

    public static string Write(IEnumerable<NameUnit> units, Func<string, string> casing) =>
        string.Join(' ', units.Select(unit => unit.Write(casing)));

    /// <summary>The given names as generated, cased word by word as lists and officers mix them.</summary>
    public string GivenText => Write(Given, word => word);

    public string SurnameText => Write(Surnames, word => word);

    /// <summary>
    /// "GUZMAN&lt;LOERA&lt;&lt;JOAQUIN", apostrophes left out as ICAO 9303 says ("OBRIEN"), and one filler longer when
    /// it would be as long as a whole first line (36 or 44), which starts with a document code.
    /// </summary>
    public string Mrz()
    {
        static string Field(NameUnit[] units) => string.Join('<', units
            .SelectMany(unit => unit.AfterY ? ["y", .. unit.Words] : unit.Words)
            .SelectMany(word => NameText.Fold(word.Replace("'", "", StringComparison.Ordinal)).Split(' '))
            .Select(Upper));
        var mrz = Field(Surnames) + "<<" + Field(Given);
        return mrz.Length is 36 or 44 ? mrz + "<" : mrz;
    }

    /// <summary>The words the parser must keep, folded, in the order written: all but the conjunctions.</summary>
    public static string[] Kept(IEnumerable<NameUnit> units) =>
        [.. units.SelectMany(unit => unit.Words).SelectMany(word => NameText.Fold(word).Split(' '))];

    public override string ToString() => $"given \"{GivenText}\", surnames \"{SurnameText}\"" + (Alias is null ? "" : $", alias {Alias}");

    private static Gen<string> Cased(Gen<string> words) => Gen.Select(words, Casing, (word, casing) => casing(word));
}

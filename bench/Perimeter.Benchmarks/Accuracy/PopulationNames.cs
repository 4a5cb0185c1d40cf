using System.Globalization;
using Perimeter.Matching.Names;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// How people at a US–Mexico border are named, from sources independent of the engine's own tables
/// (<c>Accuracy/Data/README.md</c>): surnames and given names with their frequencies among Hispanic and non-Hispanic
/// Americans (US Census 2000, Tzioumis 2018, SSA), Spanish hypocorisms and Spanish–English name pairs from public
/// pages. Queries are drawn from these, never from <c>src/Perimeter.Matching/Data</c>.
/// </summary>
internal sealed class PopulationNames
{
    public required WeightedNames HispanicSurnames { get; init; }
    public required WeightedNames EnglishSurnames { get; init; }
    public required WeightedNames HispanicMen { get; init; }
    public required WeightedNames HispanicWomen { get; init; }
    public required WeightedNames EnglishMen { get; init; }
    public required WeightedNames EnglishWomen { get; init; }
    /// <summary>Folded given name → the sex most people bearing it have: 'm' or 'f'.</summary>
    public required IReadOnlyDictionary<string, char> SexOf { get; init; }
    /// <summary>Folded surname → whether more Hispanic than non-Hispanic Americans carry it (by share of each group).</summary>
    public required IReadOnlyDictionary<string, bool> SurnameIsHispanic { get; init; }
    /// <summary>Folded Spanish given name → its hypocorisms: "francisco" → ["chico", "paco", "pancho", …].</summary>
    public required IReadOnlyDictionary<string, string[]> SpanishNicknames { get; init; }
    /// <summary>Folded given name → its equivalents in the other language, both ways: "guillermo" → ["william"].</summary>
    public required IReadOnlyDictionary<string, string[]> Translations { get; init; }

    public bool IsHispanicSurname(string folded) => SurnameIsHispanic.TryGetValue(folded, out var hispanic) && hispanic;

    public WeightedNames GivenNames(bool hispanic, char sex) => (hispanic, sex) switch
    {
        (true, 'f') => HispanicWomen,
        (true, _) => HispanicMen,
        (false, 'f') => EnglishWomen,
        (false, _) => EnglishMen,
    };

    public static PopulationNames Load()
    {
        var surnames = Rows("surnames.csv");
        var given = Rows("given-names.csv");
        var sexOf = given
            .GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => Number(r[2]) + Number(r[3]))![1][0], StringComparer.Ordinal);
        return new PopulationNames
        {
            HispanicSurnames = new WeightedNames([.. surnames.Select(r => (r[0], Number(r[1])))]),
            EnglishSurnames = new WeightedNames([.. surnames.Select(r => (r[0], Number(r[2])))]),
            HispanicMen = new WeightedNames([.. given.Where(r => r[1] == "m").Select(r => (r[0], Number(r[2])))]),
            HispanicWomen = new WeightedNames([.. given.Where(r => r[1] == "f").Select(r => (r[0], Number(r[2])))]),
            EnglishMen = new WeightedNames([.. given.Where(r => r[1] == "m").Select(r => (r[0], Number(r[3])))]),
            EnglishWomen = new WeightedNames([.. given.Where(r => r[1] == "f").Select(r => (r[0], Number(r[3])))]),
            SexOf = sexOf,
            SurnameIsHispanic = surnames.ToDictionary(r => r[0], r => Number(r[1]) > Number(r[2]), StringComparer.Ordinal),
            SpanishNicknames = Rows("spanish-nicknames.csv")
                .Select(r => (Name: NameText.Fold(r[1]), Nickname: NameText.Fold(r[0])))
                .Where(p => p.Name != p.Nickname && !p.Nickname.Contains(' ', StringComparison.Ordinal))
                .GroupBy(p => p.Name, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Nickname).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
            Translations = Rows("spanish-english-names.csv")
                .SelectMany(r => new[] { (NameText.Fold(r[0]), NameText.Fold(r[1])), (NameText.Fold(r[1]), NameText.Fold(r[0])) })
                .Where(p => p.Item1 != p.Item2)
                .GroupBy(p => p.Item1, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Item2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The other sex's form of a given name, when the data know both with opposite sexes: "alejandro" → "alejandra",
    /// "joaquin" → "joaquina", "maria" → "mario"; null otherwise.
    /// </summary>
    public string? OtherSexForm(string folded)
    {
        if (!SexOf.TryGetValue(folded, out var sex))
            return null;
        string[] candidates = sex == 'm'
            ? [folded + "a", folded.EndsWith('o') || folded.EndsWith('e') ? folded[..^1] + "a" : ""]
            : [folded.EndsWith('a') ? folded[..^1] : "", folded.EndsWith('a') ? folded[..^1] + "o" : "", folded.EndsWith('a') ? folded[..^1] + "e" : ""];
        return candidates.FirstOrDefault(c => c.Length > 2 && SexOf.TryGetValue(c, out var other) && other != sex);
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The rows of an embedded CSV under <c>Accuracy/Data</c>, header skipped: no field there holds a comma (README).</summary>
    private static List<string[]> Rows(string file)
    {
        var name = $"Perimeter.Benchmarks.Accuracy.Data.{file}";
        using var stream = typeof(PopulationNames).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
                rows.Add(line.Split(','));
        }
        return rows;
    }
}

/// <summary>Names with weights, drawn in proportion to them: the commonest surname comes up as often as it is borne.</summary>
internal sealed class WeightedNames
{
    private readonly string[] _names;
    private readonly double[] _cumulative;

    public WeightedNames((string Name, double Weight)[] names)
    {
        var kept = names.Where(n => n.Weight > 0).ToArray();
        _names = [.. kept.Select(n => n.Name)];
        _cumulative = new double[kept.Length];
        var total = 0.0;
        for (var i = 0; i < kept.Length; i++)
            _cumulative[i] = total += kept[i].Weight;
    }

    public int Count => _names.Length;

    public string Draw(Random random)
    {
        var x = random.NextDouble() * _cumulative[^1];
        var i = Array.BinarySearch(_cumulative, x);
        return _names[i < 0 ? ~i : i];
    }
}

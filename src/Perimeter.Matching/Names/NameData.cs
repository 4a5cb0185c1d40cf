using System.Collections.Frozen;

namespace Perimeter.Matching.Names;

/// <summary>The name lists embedded under <c>Data/</c>, read once: which words are surnames, given names (with sex) and abbreviations.</summary>
internal static class NameData
{
    // A glued particle or pair is only split when each piece is a known surname of at least this many letters
    // ("delrio" → "del" + "rio"); a word that is itself a known name is never split ("davila", "dominguez").
    private const int MinimumSplitLength = 3;

    // Longest first, so "delosreyes" is read as "delos" + "reyes", not "de" + "losreyes".
    private static readonly string[] GluedParticles =
        ["delas", "delos", "dela", "del", "de", "las", "los", "la", "das", "dos", "da", "do", "di", "van", "von", "santa", "san"];

    public static FrozenDictionary<string, int> SurnameRanks { get; } = LoadSurnames();

    public static FrozenDictionary<string, NameSex> GivenNames { get; } = LoadGivenNames();

    public static FrozenDictionary<string, Abbreviation> Abbreviations { get; } = LoadAbbreviations();

    /// <summary>
    /// A name's place among the commonest: its rank in the surname list (most common first), or among given names of
    /// its sex in the given-name list (the commonest first, as the list is written); the better of the two.
    /// </summary>
    private static readonly FrozenDictionary<string, int> CommonnessRanks = LoadCommonnessRanks();

    private static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SurnameLookup =
        SurnameRanks.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenDictionary<string, NameSex>.AlternateLookup<ReadOnlySpan<char>> GivenLookup =
        GivenNames.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>An abbreviation's expansion; <see cref="NeedsDot"/> when only "Ant." (not "Ant") is one.</summary>
    internal readonly record struct Abbreviation(string Expansion, bool NeedsDot);

    public static bool IsSurname(ReadOnlySpan<char> folded) => SurnameLookup.ContainsKey(folded);

    public static bool IsGivenName(ReadOnlySpan<char> folded) => GivenLookup.ContainsKey(folded);

    /// <summary>"hernandez" → 0, "jose" → 0, "juan" → 1; -1 for a word neither list holds.</summary>
    public static int CommonnessRank(string folded) => CommonnessRanks.TryGetValue(folded, out var rank) ? rank : -1;

    public static NameSex SexOf(ReadOnlySpan<char> folded) =>
        GivenLookup.TryGetValue(folded, out var sex) ? sex : NameSex.Unknown;

    /// <summary>Reads a glued particle surname: "delarosa" → ("dela", "rosa"); false for "davila", a surname as it stands.</summary>
    public static bool TrySplitGluedParticle(string word, out string particle, out string core)
    {
        particle = core = "";
        if (IsSurname(word) || IsGivenName(word))
            return false;
        foreach (var candidate in GluedParticles)
        {
            if (word.Length - candidate.Length >= MinimumSplitLength
                && word.StartsWith(candidate, StringComparison.Ordinal)
                && IsSurname(word.AsSpan(candidate.Length)))
            {
                particle = candidate;
                core = word[candidate.Length..];
                return true;
            }
        }
        return false;
    }

    /// <summary>Splits two glued surnames when both halves are known: "hernandezgarcia" → ("hernandez", "garcia").</summary>
    public static bool TrySplitGluedPair(string word, out string first, out string second)
    {
        first = second = "";
        if (IsSurname(word) || IsGivenName(word))
            return false;
        var bestRank = int.MaxValue;
        for (var cut = MinimumSplitLength; cut <= word.Length - MinimumSplitLength; cut++)
        {
            // Of several readings, the one made of the commonest surnames wins.
            if (SurnameLookup.TryGetValue(word.AsSpan(0, cut), out var left)
                && SurnameLookup.TryGetValue(word.AsSpan(cut), out var right)
                && left + right < bestRank)
            {
                bestRank = left + right;
                first = word[..cut];
                second = word[cut..];
            }
        }
        return bestRank != int.MaxValue;
    }

    /// <summary>A digest of every embedded data file's contents: part of the scorer's version.</summary>
    public static string Digest { get; } = Screening.Digest.Of(typeof(NameData).Assembly.GetManifestResourceNames().Order(StringComparer.Ordinal)
        .Select(name =>
        {
            using var reader = new StreamReader(typeof(NameData).Assembly.GetManifestResourceStream(name)!);   // listed by the assembly itself
            return $"{name}:{reader.ReadToEnd()}";
        }));

    /// <summary>Opens an embedded data file by its name under <c>Data/</c>: "surnames-es.txt".</summary>
    public static StreamReader Open(string file)
    {
        var name = "Perimeter.Matching.Data." + file;
        var stream = typeof(NameData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing from the build");
        return new StreamReader(stream);
    }

    /// <summary>The non-comment lines of a data file, each split on white space: "pancho francisco" → ["pancho", "francisco"].</summary>
    public static IEnumerable<string[]> Rows(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
                continue;
            yield return trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        }
    }

    /// <summary>The rows of an embedded data file: see <see cref="Rows(TextReader)"/>.</summary>
    public static IReadOnlyList<string[]> Rows(string file)
    {
        using var reader = Open(file);
        return [.. Rows(reader)];
    }

    private static FrozenDictionary<string, int> LoadSurnames()
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Rows("surnames-es.txt"))
            ranks.TryAdd(row[0], ranks.Count);
        return ranks.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, NameSex> LoadGivenNames() =>
        Rows("given-names.txt").ToFrozenDictionary(
            row => row[0],
            row => row[1] switch
            {
                "m" => NameSex.Male,
                "f" => NameSex.Female,
                _ => NameSex.Unknown,
            },
            StringComparer.Ordinal);

    private static FrozenDictionary<string, int> LoadCommonnessRanks()
    {
        var ranks = new Dictionary<string, int>(SurnameRanks, StringComparer.Ordinal);
        var bySex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in Rows("given-names.txt"))
        {
            var rank = bySex.GetValueOrDefault(row[1]);
            bySex[row[1]] = rank + 1;
            ranks[row[0]] = ranks.TryGetValue(row[0], out var surname) ? Math.Min(surname, rank) : rank;
        }
        return ranks.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, Abbreviation> LoadAbbreviations() =>
        Rows("abbreviations.txt").ToFrozenDictionary(
            row => row[0].TrimEnd('.'),
            row => new Abbreviation(row[1], row[0].EndsWith('.')),
            StringComparer.Ordinal);
}

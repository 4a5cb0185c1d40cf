using System.Collections.Frozen;

namespace Perimeter.Matching.Names;

/// <summary>Given names, their nicknames and their equivalents in the other language, as numbered groups: "pancho", "paco" and "francisco" share one.</summary>
/// <remarks>
/// Each canonical name (one that has nicknames, or one side of a Spanish–English pair) heads a group; the group holds the
/// name, its nicknames and its equivalents in the other language ("william" is in the "guillermo" group and the other
/// way round). Nothing is chained further, so a nickname of several names sits in each of their groups without joining
/// them: "beto" is in the alberto, roberto and humberto groups, yet alberto and roberto share none. Built once, then
/// only read.
/// </remarks>
public sealed class GivenNameEquivalents
{
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _groupsByName;
    private readonly FrozenDictionary<string, string[]> _canonicalsOf;
    private readonly FrozenDictionary<string, string[]> _equivalentsOf;
    private readonly string[] _groupNames;
    private readonly (string Alias, string Canonical)[] _nicknames;
    private readonly (string Spanish, string English)[] _equivalents;

    private GivenNameEquivalents((string Alias, string Canonical)[] nicknames, (string Spanish, string English)[] equivalents)
    {
        _nicknames = nicknames;
        _equivalents = equivalents;
        _canonicalsOf = ToTable(nicknames.Select(p => (p.Alias, p.Canonical)));
        _equivalentsOf = ToTable(equivalents.Select(p => (p.Spanish, p.English)).Concat(equivalents.Select(p => (p.English, p.Spanish))));

        // Group ids follow the sorted canonical names, so the same data gives the same ids on every node.
        _groupNames = [.. nicknames.Select(p => p.Canonical).Concat(equivalents.SelectMany(p => new[] { p.Spanish, p.English }))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var idOf = _groupNames.Select((name, id) => (name, id)).ToDictionary(x => x.name, x => x.id, StringComparer.Ordinal);

        var members = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        void Join(string name, int group)
        {
            if (!members.TryGetValue(name, out var groups))
                members[name] = groups = [];
            groups.Add(group);
        }
        foreach (var (name, id) in idOf)
            Join(name, id);
        foreach (var (alias, canonical) in nicknames)
            Join(alias, idOf[canonical]);
        foreach (var (spanish, english) in equivalents)
        {
            Join(spanish, idOf[english]);
            Join(english, idOf[spanish]);
        }
        _groupsByName = members.ToFrozenDictionary(m => m.Key, m => m.Value.ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Built from every embedded list: Spanish hypocorisms, English nicknames and the Spanish–English pairs ("guillermo" ↔ "william").</summary>
    public static GivenNameEquivalents Default { get; } = From(
        ReadEmbedded("hypocorisms-es.txt").Concat(ReadEmbedded("nicknames-en.txt")),
        ReadEmbedded("equivalents-es-en.txt"));

    /// <summary>The number of groups; ids run from 0 to this minus one: use it to size an index.</summary>
    public int GroupCount => _groupNames.Length;

    /// <summary>Builds the table from nickname pairs and, optionally, cross-language pairs: <c>From([("pancho", "francisco")], [("guillermo", "william")])</c>.</summary>
    public static GivenNameEquivalents From(
        IEnumerable<(string Alias, string Canonical)> nicknames,
        IEnumerable<(string Spanish, string English)>? equivalents = null)
    {
        ArgumentNullException.ThrowIfNull(nicknames);
        return new(Clean(nicknames), Clean(equivalents ?? []));
    }

    /// <summary>Reads "alias canonical" lines ("pancho francisco", "chema jose maria") or the English list's "name1,has_nickname,name2" rows ("william,has_nickname,bill" → ("bill", "william")); skips "#" lines and headers.</summary>
    public static IEnumerable<(string Alias, string Canonical)> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (reader.ReadLine() is { } line)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
                continue;
            if (trimmed.Contains(',', StringComparison.Ordinal))
            {
                var fields = trimmed.Split(',');
                if (fields.Length == 3 && fields[1].Trim() == "has_nickname")
                    yield return (NameText.Fold(fields[2]), NameText.Fold(fields[0]));
                continue;
            }
            var space = trimmed.IndexOfAny([' ', '\t']);
            if (space > 0)
                yield return (NameText.Fold(trimmed.AsSpan(0, space)), NameText.Fold(trimmed.AsSpan(space + 1)));
        }
    }

    /// <summary>A digest of every pair the table holds, in order: part of the scorer's version.</summary>
    public string Digest => Screening.Digest.Of(_nicknames.Select(p => $"{p.Alias} {p.Canonical}").Concat(_equivalents.Select(p => $"{p.Spanish}={p.English}")));

    /// <summary>A new table with more nickname pairs, such as the English list read at run time: <c>Default.With(Parse(reader))</c>.</summary>
    public GivenNameEquivalents With(IEnumerable<(string Alias, string Canonical)> nicknames)
    {
        ArgumentNullException.ThrowIfNull(nicknames);
        return new(Clean(_nicknames.Concat(nicknames)), _equivalents);
    }

    /// <summary>The ids of the groups a folded name belongs to, for use as index keys: "beto" → the alberto, roberto, humberto… groups; empty for an unknown name.</summary>
    public ReadOnlySpan<int> GroupsOf(ReadOnlySpan<char> foldedToken) =>
        _groupsByName.TryGetValue(foldedToken, out var groups) ? groups : [];

    /// <summary>The canonical name heading a group: the group of "pancho" is headed by "francisco".</summary>
    public string GroupName(int group) => _groupNames[group];

    /// <summary>True when two folded names are the same or share a group: ("pancho", "francisco"), ("paco", "pancho"), ("guillermo", "william") are; ("alberto", "roberto") are not.</summary>
    public bool AreEquivalent(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => a.SequenceEqual(b) || ShareAGroup(GroupsOf(a), GroupsOf(b));

    /// <summary>Whether two names' groups (as <see cref="GroupsOf"/> gives them, sorted) have one in common.</summary>
    public static bool ShareAGroup(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        // Both lists are sorted: one merge pass.
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
                return true;
            if (left[i] < right[j])
                i++;
            else
                j++;
        }
        return false;
    }

    /// <summary>Says how two folded names are related, for the officer: "pancho→francisco", "guillermo↔william", "pancho→francisco←paco"; null when they are the same or unrelated.</summary>
    public string? Explain(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal))
            return null;
        string? best = null;
        var bestSteps = int.MaxValue;
        foreach (var group in GroupsOf(a))
        {
            if (GroupsOf(b).IndexOf(group) < 0)
                continue;
            var head = _groupNames[group];
            var steps = (a == head ? 0 : 1) + (b == head ? 0 : 1);
            if (steps < bestSteps)
            {
                bestSteps = steps;
                best = Path(a, b, head);
            }
        }
        return best;
    }

    // The relation of each name to the group's head, read from a to b; a nickname's arrow always points at its canonical.
    private string Path(string a, string b, string head)
    {
        if (a == head)
            return IsNicknameOf(b, head) ? $"{b}→{head}" : $"{a}↔{b}";
        if (b == head)
            return IsNicknameOf(a, head) ? $"{a}→{head}" : $"{a}↔{b}";
        return $"{Step(a, head)}{(IsNicknameOf(b, head) ? "←" : "↔")}{b}";
    }

    private string Step(string name, string head) => IsNicknameOf(name, head) ? $"{name}→{head}" : $"{name}↔{head}";

    private bool IsNicknameOf(string alias, string canonical) =>
        _canonicalsOf.TryGetValue(alias, out var canonicals) && canonicals.Contains(canonical, StringComparer.Ordinal);

    private static (string, string)[] Clean(IEnumerable<(string, string)> pairs) =>
        [.. pairs.Where(p => p.Item1.Length > 0 && p.Item2.Length > 0 && !string.Equals(p.Item1, p.Item2, StringComparison.Ordinal))
            .Distinct()];

    private static FrozenDictionary<string, string[]> ToTable(IEnumerable<(string Key, string Value)> pairs) =>
        pairs.GroupBy(p => p.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(p => p.Value).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    private static (string, string)[] ReadEmbedded(string file)
    {
        using var reader = NameData.Open(file);
        return [.. Parse(reader)];
    }
}

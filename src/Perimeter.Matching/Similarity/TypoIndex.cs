using System.Buffers;

namespace Perimeter.Matching.Similarity;

/// <summary>A vocabulary token within the typo budget of a query token, and how many edits apart: ("guzman" as id 4, 1 edit) for "guzmna".</summary>
public readonly record struct TypoMatch(int Id, int Edits);

/// <summary>Finds the vocabulary tokens a misspelt token could be, without scanning the vocabulary: Lookup("guzmna") → "guzman".</summary>
/// <remarks>
/// Built once from the vocabulary and then only read, so any number of threads may look up at once. Each vocabulary
/// token is posted under its <see cref="TypoKeys"/> in compressed-sparse-row arrays: sorted distinct keys, the start of
/// each key's run, and the ids in the runs. A token is posted at the budget of a token two letters longer, the longest
/// query that can still reach it, so every query finds all tokens within its own <see cref="Edits.Budget"/>.
/// </remarks>
public sealed class TypoIndex
{
    // A query token may have at most this many edits; vocabulary tokens are posted deep enough for it.
    private static readonly int MaxBudget = Edits.Budget(int.MaxValue);
    private static readonly int MaxQueryKeys = TypoKeys.MaxCount(MaxBudget);

    private readonly string[] _tokens;
    private readonly ulong[] _keys;
    private readonly int[] _starts;
    private readonly int[] _ids;

    private TypoIndex(string[] tokens, ulong[] keys, int[] starts, int[] ids)
    {
        _tokens = tokens;
        _keys = keys;
        _starts = starts;
        _ids = ids;
    }

    /// <summary>How many tokens the vocabulary holds: 3 for ["guzman", "loera", "garcia"].</summary>
    public int Count => _tokens.Length;

    /// <summary>The vocabulary token with this id (its position in the sequence given to <see cref="Build"/>): this[0] = "guzman".</summary>
    public string this[int id] => _tokens[id];

    /// <summary>Indexes distinct folded tokens, each under its position as id: Build(["guzman", "loera"]).</summary>
    public static TypoIndex Build(IEnumerable<string> vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var tokens = vocabulary.ToArray();
        if (tokens.Distinct(StringComparer.Ordinal).Count() != tokens.Length)
            throw new ArgumentException("Vocabulary tokens must be distinct: an id stands for one token.", nameof(vocabulary));

        var postedKeys = new List<ulong>(tokens.Length * 8);
        var postedIds = new List<int>(tokens.Length * 8);
        for (var id = 0; id < tokens.Length; id++)
        {
            var depth = Edits.Budget(tokens[id].Length + MaxBudget);
            foreach (var key in TypoKeys.Deletes(tokens[id], depth))
            {
                postedKeys.Add(key);
                postedIds.Add(id);
            }
        }

        var allKeys = postedKeys.ToArray();
        var ids = postedIds.ToArray();
        Array.Sort(allKeys, ids);
        var keys = new List<ulong>();
        var starts = new List<int>();
        for (var n = 0; n < allKeys.Length; n++)
        {
            if (keys.Count == 0 || keys[^1] != allKeys[n])
            {
                keys.Add(allKeys[n]);
                starts.Add(n);
            }
        }
        starts.Add(allKeys.Length);
        // Ids in id order within each key, so lookups come out in id order whatever the sort did to ties.
        for (var k = 0; k < keys.Count; k++)
            ids.AsSpan(starts[k], starts[k + 1] - starts[k]).Sort();
        return new TypoIndex(tokens, [.. keys], [.. starts], ids);
    }

    /// <summary>Vocabulary tokens within <see cref="Edits.Budget"/> of the folded token's length, in id order, itself included: Lookup("gusman") → [(id of "guzman", 1)].</summary>
    public TypoMatch[] Lookup(ReadOnlySpan<char> token)
    {
        var budget = Edits.Budget(token.Length);
        Span<ulong> queryKeys = stackalloc ulong[MaxQueryKeys];
        queryKeys = queryKeys[..TypoKeys.Deletes(token, budget, queryKeys)];

        Span<int> slots = stackalloc int[queryKeys.Length];
        var total = 0;
        for (var k = 0; k < queryKeys.Length; k++)
        {
            slots[k] = Array.BinarySearch(_keys, queryKeys[k]);
            if (slots[k] >= 0)
                total += _starts[slots[k] + 1] - _starts[slots[k]];
        }
        if (total == 0)
            return [];

        var candidates = ArrayPool<int>.Shared.Rent(2 * total);
        var count = 0;
        foreach (var slot in slots)
        {
            if (slot < 0)
                continue;
            var run = _ids.AsSpan(_starts[slot], _starts[slot + 1] - _starts[slot]);
            run.CopyTo(candidates.AsSpan(count));
            count += run.Length;
        }

        // Verify each distinct candidate once; survivors and their distances go to the front and the back half.
        var ids = candidates.AsSpan(0, count);
        ids.Sort();
        var distances = candidates.AsSpan(total, total);
        var found = 0;
        var previous = -1;
        foreach (var id in ids)
        {
            if (id == previous)
                continue;
            previous = id;
            var edits = Edits.DamerauLevenshtein(token, _tokens[id], budget);
            if (edits <= budget)
            {
                ids[found] = id;    // found never passes the loop's position, so unread ids are intact
                distances[found] = edits;
                found++;
            }
        }

        var matches = new TypoMatch[found];
        for (var n = 0; n < found; n++)
            matches[n] = new TypoMatch(ids[n], distances[n]);
        ArrayPool<int>.Shared.Return(candidates);
        return matches;
    }
}

using System.Collections.Frozen;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;
using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Screening;

/// <summary>
/// An immutable index over some entries: vocabulary, postings in CSR form (token → entries), the
/// alternative keys a query token can reach a vocabulary token by (nickname group, Spanish and English
/// sound, typo), and identifier numbers. A watchlist is a large base segment and a small delta.
/// </summary>
internal sealed class Segment
{
    private readonly FrozenDictionary<string, int> _tokenIds;
    private readonly Token[] _tokens;
    private readonly int[] _postingStart;
    private readonly int[] _postings;
    private readonly FrozenDictionary<string, int[]> _bySpanishKey;
    private readonly FrozenDictionary<string, int[]> _byMetaphone;
    private readonly FrozenDictionary<int, int[]> _byGroup;
    private readonly FrozenDictionary<string, int[]> _byIdentifier;
    private readonly TypoIndex _typos;
    private readonly GivenNameEquivalents _equivalents;
    /// <summary>For each common token (see <see cref="CommonCap"/>), a bit per entry holding it; null for the others.</summary>
    private readonly ulong[]?[] _commonEntries;

    private Segment(ListedEntry[] entries, FrozenDictionary<string, int> tokenIds, Token[] tokens, int[] postingStart, int[] postings,
        FrozenDictionary<string, int[]> bySpanishKey, FrozenDictionary<string, int[]> byMetaphone, FrozenDictionary<int, int[]> byGroup,
        FrozenDictionary<string, int[]> byIdentifier, TypoIndex typos, GivenNameEquivalents equivalents)
    {
        _equivalents = equivalents;
        Entries = entries;
        _tokenIds = tokenIds;
        _tokens = tokens;
        _postingStart = postingStart;
        _postings = postings;
        _bySpanishKey = bySpanishKey;
        _byMetaphone = byMetaphone;
        _byGroup = byGroup;
        _byIdentifier = byIdentifier;
        _typos = typos;
        CommonCap = Math.Max(1_000, entries.Length / 100);
        _commonEntries = new ulong[]?[tokens.Length];
        for (var t = 0; t < tokens.Length; t++)
        {
            if (postingStart[t + 1] - postingStart[t] <= CommonCap)
                continue;
            var bits = new ulong[(entries.Length + 63) / 64];
            foreach (var entry in Postings(t))
                bits[entry >> 6] |= 1UL << entry;
            _commonEntries[t] = bits;
        }
    }

    /// <summary>
    /// Tokens held by more entries than this (1 % of the segment, at least 1,000) are common: they do not seed
    /// candidates, they only add to entries something rarer found.
    /// </summary>
    public int CommonCap { get; }

    /// <summary>A common token's bit per entry holding it: one bit test instead of a search of a long posting list.</summary>
    public ulong[] EntriesHolding(int commonToken) => _commonEntries[commonToken]!;

    public ListedEntry[] Entries { get; }

    public int Count => Entries.Length;

    public static readonly Segment Empty = Build([], [], GivenNameEquivalents.Default, null);

    /// <summary>Indexes entries; for a delta, <paramref name="statistics"/> is the base, whose frequencies are added to the delta's own.</summary>
    public static Segment Build(IReadOnlyList<Guid> ids, IReadOnlyList<Subject> subjects, GivenNameEquivalents equivalents, Segment? statistics)
    {
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<Token>();
        Token Intern(string text)
        {
            if (tokenIds.TryGetValue(text, out var id))
                return tokens[id];
            var token = NamePreparer.NewToken(text, equivalents);
            tokenIds[text] = tokens.Count;
            tokens.Add(token);
            return token;
        }

        var entries = new ListedEntry[subjects.Count];
        for (var e = 0; e < subjects.Count; e++)
            entries[e] = Prepare(ids[e], subjects[e], Intern);

        // Postings: count, then fill; entries arrive in order, so each list is sorted.
        var counts = new int[tokens.Count + 1];
        var lastEntry = new int[tokens.Count];
        Array.Fill(lastEntry, -1);
        for (var e = 0; e < entries.Length; e++)
        {
            foreach (var id in TokenIdsOf(entries[e], tokenIds))
            {
                if (lastEntry[id] == e)
                    continue;
                lastEntry[id] = e;
                counts[id + 1]++;
            }
        }
        var start = new int[tokens.Count + 1];
        for (var t = 0; t < tokens.Count; t++)
            start[t + 1] = start[t] + counts[t + 1];
        var postings = new int[start[^1]];
        var fill = (int[])start.Clone();
        Array.Fill(lastEntry, -1);
        for (var e = 0; e < entries.Length; e++)
        {
            foreach (var id in TokenIdsOf(entries[e], tokenIds))
            {
                if (lastEntry[id] == e)
                    continue;
                lastEntry[id] = e;
                postings[fill[id]++] = e;
            }
        }
        var total = entries.Length + (statistics?.Count ?? 0);
        for (var t = 0; t < tokens.Count; t++)
            tokens[t].DocumentFrequency = start[t + 1] - start[t] + (statistics?.DocumentFrequencyOf(tokens[t].Text) ?? 0);

        var frozenIds = tokenIds.ToFrozenDictionary(StringComparer.Ordinal);
        return new Segment(entries, frozenIds, [.. tokens], start, postings,
            KeysOf(tokens, t => [t.SpanishKey]),
            KeysOf(tokens, t => [t.MetaphonePrimary, t.MetaphoneAlternate]),
            tokens.SelectMany((t, i) => t.Groups.Select(g => (Group: g, Token: i)))
                .GroupBy(x => x.Group).ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Token).ToArray()),
            IdentifiersOf(entries),
            TypoIndex.Build(tokens.Select(t => t.Text)), equivalents)
        {
            TotalEntries = total,
        };
    }

    /// <summary>Entries of the list the frequencies were counted over (base and delta together for a delta).</summary>
    public int TotalEntries { get; private init; }

    public int DocumentFrequencyOf(string token) =>
        _tokenIds.TryGetValue(token, out var id) ? _postingStart[id + 1] - _postingStart[id] : 0;

    public Token? Find(string text) => _tokenIds.TryGetValue(text, out var id) ? _tokens[id] : null;

    public int IdOf(Token token) => _tokenIds.TryGetValue(token.Text, out var id) ? id : -1;

    public ReadOnlySpan<int> Postings(int tokenId) => _postings.AsSpan(_postingStart[tokenId], _postingStart[tokenId + 1] - _postingStart[tokenId]);

    public ReadOnlySpan<int> TokensSoundingLike(Token token) =>
        token.SpanishKey.Length > 1 && _bySpanishKey.TryGetValue(token.SpanishKey, out var ids) ? ids : [];

    public ReadOnlySpan<int> TokensWithMetaphone(string key) => key.Length > 1 && _byMetaphone.TryGetValue(key, out var ids) ? ids : [];

    /// <summary>The nickname table the segment's tokens were grouped by; a query's unknown tokens are grouped by it too.</summary>
    public GivenNameEquivalents Equivalents => _equivalents;

    public ReadOnlySpan<int> TokensInGroup(int group) => _byGroup.TryGetValue(group, out var ids) ? ids : [];

    public TypoMatch[] TokensWithinTypo(string text) => _typos.Lookup(text);

    public ReadOnlySpan<int> EntriesWithIdentifier(string key) => _byIdentifier.TryGetValue(key, out var entries) ? entries : [];

    /// <summary>The key an identifier is indexed under: its kind of number and its normalised digits.</summary>
    public static string IdentifierKey(Identifier identifier) => identifier.Type switch
    {
        IdentifierType.Plate => $"plate:{Plate.Normalize(identifier.Number, null).Number}",
        IdentifierType.Vin => $"vin:{Vin.Normalize(identifier.Number)}",
        IdentifierType.FirearmSerial => $"serial:{FirearmSerial.Normalize(identifier.Number)}",
        _ => $"doc:{DocumentNumber.Normalize(identifier.Number)}",
    };

    private static ListedEntry Prepare(Guid id, Subject subject, Func<string, Token> intern)
    {
        var names = NamePreparer.Prepare(subject, intern);
        return new()
        {
            Id = id,
            Kind = subject.Kind,
            Names = names,
            LaterSurnames = [.. names.Where(n => !n.IsWeak).SelectMany(n => n.Parts)
                .Where(p => p.Role == NameRole.Surname && p.SurnameIndex >= 1 && p.IsFull).Select(p => p.Token).Distinct()],
            GivenNames = [.. names.Where(n => !n.IsWeak).SelectMany(n => n.Parts).Where(p => p.Role == NameRole.Given && p.IsFull).Select(p => p.Token).Distinct()],
            DatesOfBirth = [.. subject.DatesOfBirth],
            Nationalities = [.. subject.Nationalities],
            Sex = subject.Sex,
            Identifiers = [.. subject.Identifiers],
            Make = subject.Make,
        };
    }

    private static IEnumerable<int> TokenIdsOf(ListedEntry entry, Dictionary<string, int> tokenIds)
    {
        foreach (var name in entry.Names)
        {
            foreach (var part in name.Parts)
            {
                yield return tokenIds[part.Token.Text];
                if (part.Core is { } core)
                    yield return tokenIds[core.Text];
            }
        }
    }

    private static FrozenDictionary<string, int[]> KeysOf(List<Token> tokens, Func<Token, string[]> keys)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var key in keys(tokens[t]).Where(k => k.Length > 1).Distinct(StringComparer.Ordinal))
            {
                if (!map.TryGetValue(key, out var list))
                    map[key] = list = [];
                list.Add(t);
            }
        }
        return map.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, int[]> IdentifiersOf(ListedEntry[] entries)
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entries.Length; e++)
        {
            foreach (var identifier in entries[e].Identifiers)
            {
                var key = IdentifierKey(identifier);
                if (key.EndsWith(':'))
                    continue;
                if (!map.TryGetValue(key, out var list))
                    map[key] = list = [];
                if (list.Count == 0 || list[^1] != e)
                    list.Add(e);
            }
        }
        return map.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}

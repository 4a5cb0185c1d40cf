// The engine's Candidates.cs as it was before the speed work (main at 738d1f6), kept unchanged as the baseline that
// ScreenBenchmarks and `speed --before` measure the current code against, in the same run.
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Speed.Before;

/// <summary>
/// The candidate stage: every query part reaches vocabulary tokens exactly, through its nickname group,
/// by sound, or within its typo budget; rare tokens seed candidates through their postings and common
/// ones only add to seeded candidates (MaxScore-style), so that "Juan" never drags in a tenth of the list.
/// Identifier numbers seed directly. The best-accumulated entries go on to the full scorer.
/// </summary>
internal static class CandidatesBefore
{
    private const double ExactPrior = 1.0;
    private const double EquivalentPrior = 0.8;
    private const double PhoneticPrior = 0.7;
    private const double TypoPrior = 0.6;
    /// <summary>An identifier number is decisive: it outranks any name evidence.</summary>
    private const double IdentifierBonus = 1_000;

    [ThreadStatic]
    private static Scratch? t_scratch;

    public static void Collect(Segment segment, PreparedQuery query, int limit, int totalEntries,
        Func<int, bool> isLive, Func<Guid, bool>? mayConsider, List<ListedEntry> into)
    {
        if (segment.Count == 0)
            return;
        var scratch = t_scratch is { } existing && existing.Capacity >= segment.Count ? existing : t_scratch = new Scratch(segment.Count);
        scratch.Begin();
        var commonCap = Math.Max(1_000, segment.Count / 100);

        foreach (var identifier in query.Subject.Identifiers)
        {
            foreach (var entry in segment.EntriesWithIdentifier(Segment.IdentifierKey(identifier)))
                scratch.Add(entry, IdentifierBonus);
        }

        var parts = query.Names.SelectMany(n => n.Parts).DistinctBy(p => p.Token.Text).ToList();
        var common = new List<(int Token, double Weight, int Part)>();
        for (var p = 0; p < parts.Count; p++)
        {
            scratch.NextPart();
            foreach (var (token, prior) in Alternatives(segment, parts[p]))
            {
                var postings = segment.Postings(token);
                var weight = prior * Math.Log2((double)totalEntries / Math.Max(1, postings.Length) + 1);
                if (postings.Length > commonCap)
                {
                    common.Add((token, weight, p));
                    continue;
                }
                foreach (var entry in postings)
                    scratch.AddOncePerPart(entry, weight);
            }
        }

        if (scratch.Touched.Count == 0 && common.Count > 0)
            SeedFromCommon(segment, common, scratch);
        else
        {
            // Common tokens only add to entries something rarer already found, once per query part.
            var credited = new HashSet<(int Entry, int Part)>();
            foreach (var (token, weight, part) in common)
            {
                var postings = segment.Postings(token);
                foreach (var entry in scratch.Touched)
                {
                    if (postings.BinarySearch(entry) >= 0 && credited.Add((entry, part)))
                        scratch.Score[entry] += weight;
                }
            }
        }

        var ranked = scratch.Touched.OrderByDescending(e => scratch.Score[e]);
        var taken = 0;
        foreach (var position in ranked)
        {
            if (!isLive(position))
                continue;
            var entry = segment.Entries[position];
            if (mayConsider is not null && !mayConsider(entry.Id))
                continue;
            into.Add(entry);
            if (++taken == limit)
                break;
        }
    }

    /// <summary>When every query part is common ("Juan Hernández"), the entries holding the two rarest of them together.</summary>
    private static void SeedFromCommon(Segment segment, List<(int Token, double Weight, int Part)> common, Scratch scratch)
    {
        var byPart = common.GroupBy(c => c.Part).Select(g => g.MaxBy(c => c.Weight)).OrderByDescending(c => c.Weight).ToList();
        var first = segment.Postings(byPart[0].Token);
        if (byPart.Count == 1)
        {
            foreach (var entry in first[..Math.Min(first.Length, 2_000)])
                scratch.Add(entry, byPart[0].Weight);
            return;
        }
        var second = segment.Postings(byPart[1].Token);
        for (int i = 0, j = 0; i < first.Length && j < second.Length;)
        {
            if (first[i] < second[j])
                i++;
            else if (first[i] > second[j])
                j++;
            else
            {
                scratch.Add(first[i], byPart[0].Weight + byPart[1].Weight);
                i++;
                j++;
            }
        }
        foreach (var (token, weight, _) in byPart.Skip(2))
        {
            var postings = segment.Postings(token);
            foreach (var entry in scratch.Touched)
            {
                if (postings.BinarySearch(entry) >= 0)
                    scratch.Add(entry, weight);
            }
        }
    }

    /// <summary>Vocabulary tokens a query part may stand for, best first, each once.</summary>
    private static IEnumerable<(int Token, double Prior)> Alternatives(Segment segment, PreparedPart part)
    {
        var seen = new HashSet<int>();
        if (segment.IdOf(part.Token) is var exact and >= 0 && seen.Add(exact))
            yield return (exact, ExactPrior);
        if (part.Core is { } core && segment.IdOf(core) is var coreId and >= 0 && seen.Add(coreId))
            yield return (coreId, ExactPrior);
        if (part.IsInitial)
            yield break;
        foreach (var group in segment.GroupsOf(part.Token.Text).ToArray())
        {
            foreach (var token in segment.TokensInGroup(group).ToArray())
            {
                if (seen.Add(token))
                    yield return (token, EquivalentPrior);
            }
        }
        foreach (var token in segment.TokensSoundingLike(part.Token).ToArray()
                     .Concat(segment.TokensWithMetaphone(part.Token.MetaphonePrimary).ToArray())
                     .Concat(segment.TokensWithMetaphone(part.Token.MetaphoneAlternate).ToArray()))
        {
            if (seen.Add(token))
                yield return (token, PhoneticPrior);
        }
        foreach (var typo in segment.TokensWithinTypo(part.Token.Text))
        {
            if (seen.Add(typo.Id))
                yield return (typo.Id, TypoPrior);
        }
    }

    /// <summary>Per-thread accumulators sized to the segment, so a query allocates almost nothing.</summary>
    private sealed class Scratch(int capacity)
    {
        public int Capacity { get; } = capacity;
        public double[] Score { get; } = new double[capacity];
        private readonly int[] _partStamp = new int[capacity];
        private int _stamp;
        public List<int> Touched { get; } = new(1024);

        public void Begin()
        {
            foreach (var entry in Touched)
                Score[entry] = 0;
            Touched.Clear();
            if (_stamp > int.MaxValue - 1_000)
            {
                Array.Clear(_partStamp);
                _stamp = 0;
            }
        }

        public void NextPart() => _stamp++;

        public void Add(int entry, double weight)
        {
            if (Score[entry] == 0)
                Touched.Add(entry);
            Score[entry] += weight;
        }

        /// <summary>A part counts once per entry, by its best alternative (they come best first).</summary>
        public void AddOncePerPart(int entry, double weight)
        {
            if (_partStamp[entry] == _stamp)
                return;
            _partStamp[entry] = _stamp;
            Add(entry, weight);
        }
    }
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Perimeter.Matching.Screening;

/// <summary>
/// The candidate stage: every query part reaches vocabulary tokens exactly, through its nickname group,
/// by sound, or within its typo budget; rare tokens seed candidates through their postings and common
/// ones only add to seeded candidates (MaxScore-style), so that "Juan" never drags in a tenth of the list.
/// Identifier numbers seed directly. The best-accumulated entries go on to the full scorer.
/// </summary>
internal static class Candidates
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
        try
        {
            var commonToAdd = Seed(segment, query, totalEntries, scratch) ? CollectionsMarshal.AsSpan(scratch.Common) : [];
            TakeBest(segment, scratch, commonToAdd, limit, isLive, mayConsider, into);
        }
        finally
        {
            scratch.End();
        }
    }

    /// <summary>Finds entries through the query's rarer tokens; true when its common tokens are still to be added to them.</summary>
    private static bool Seed(Segment segment, PreparedQuery query, int totalEntries, Scratch scratch)
    {
        foreach (var identifier in query.Subject.Identifiers)
        {
            foreach (var entry in segment.EntriesWithIdentifier(Segment.IdentifierKey(identifier)))
                scratch.Add(entry, IdentifierBonus);
        }

        var parts = DistinctParts(query.Names, scratch.Parts);
        var common = scratch.Common;
        for (var p = 0; p < parts.Count; p++)
        {
            scratch.NextPart();
            foreach (var (token, prior) in Alternatives(segment, parts[p], scratch))
            {
                var postings = segment.Postings(token);
                var weight = prior * Math.Log2((double)totalEntries / Math.Max(1, postings.Length) + 1);
                if (postings.Length > segment.CommonCap)
                {
                    common.Add(new CommonToken(token, segment.EntriesHolding(token), weight, p));
                    continue;
                }
                scratch.AddOncePerPart(postings, weight);
            }
        }

        if (scratch.Found.Length > 0 || common.Count == 0)
            return true;
        SeedFromCommon(segment, common, scratch);
        return false;
    }

    /// <summary>The parts of all query names, each token once, in order: what <c>SelectMany(Parts).DistinctBy(Token.Text)</c> gives.</summary>
    private static List<PreparedPart> DistinctParts(PreparedName[] names, List<PreparedPart> into)
    {
        foreach (var name in names)
        {
            foreach (var part in name.Parts)
            {
                var seen = false;
                foreach (var kept in into)
                    seen |= string.Equals(kept.Token.Text, part.Token.Text, StringComparison.Ordinal);
                if (!seen)
                    into.Add(part);
            }
        }
        return into;
    }

    /// <summary>
    /// Common tokens only add to an entry something rarer already found, once per query part (by the part's first
    /// alternative the entry holds: they come best first). One bit test per common token.
    /// </summary>
    private static void AddCommon(ref FoundEntry found, ReadOnlySpan<CommonToken> common)
    {
        var credited = -1;
        foreach (ref readonly var token in common)
        {
            if (token.Part != credited && token.IsHeldBy(found.Entry))
            {
                found.Score += token.Weight;
                credited = token.Part;
            }
        }
    }

    /// <summary>The most common tokens can add to an entry: each part's heaviest (they come grouped by part).</summary>
    private static double MostFrom(ReadOnlySpan<CommonToken> common)
    {
        var most = 0.0;
        var part = -1;
        var heaviest = 0.0;
        foreach (ref readonly var token in common)
        {
            if (token.Part != part)
            {
                most += heaviest;
                heaviest = 0;
                part = token.Part;
            }
            heaviest = Math.Max(heaviest, token.Weight);
        }
        return most + heaviest;
    }

    /// <summary>
    /// Adds the best-scored found entries that are live and may be considered, best first, up to <paramref name="limit"/>;
    /// equal scores in the order they were found. One pass over the found entries (tens of thousands, for a hundred
    /// taken) keeps the best so far in a heap whose root is the worst of them, so most entries cost one comparison;
    /// only an entry that would enter the heap is checked for liveness and access. Common tokens are added to an entry
    /// here, and not at all to one that even with all of them could not enter the heap (the same hundred either way).
    /// </summary>
    private static void TakeBest(Segment segment, Scratch scratch, ReadOnlySpan<CommonToken> common, int limit, Func<int, bool> isLive,
        Func<Guid, bool>? mayConsider, List<ListedEntry> into)
    {
        if (limit <= 0)
            return;
        // Well above the rounding of a sum of a few weights, so that an entry is passed over only when it surely falls short.
        const double Slack = 1e-6;
        var mostFromCommon = MostFrom(common);
        var found = scratch.Found;
        var heap = scratch.RankBuffer(limit);
        var size = 0;
        for (var i = 0; i < found.Length; i++)
        {
            if (size == limit && found[i].Score + mostFromCommon < heap[0].Score - Slack)
                continue;
            AddCommon(ref found[i], common);
            var ranked = new Ranked(found[i].Score, i);
            if (size == limit && !ranked.Before(heap[0]))
                continue;
            var position = found[i].Entry;
            if (!isLive(position) || (mayConsider is not null && !mayConsider(segment.Entries[position].Id)))
                continue;
            if (size < limit)
            {
                heap[size] = ranked;
                SiftUp(heap, size++);
            }
            else
            {
                heap[0] = ranked;
                SiftDown(heap[..size], 0);
            }
        }

        var best = heap[..size];
        best.Sort((a, b) => a.Before(b) ? -1 : b.Before(a) ? 1 : 0);
        foreach (var ranked in best)
            into.Add(segment.Entries[found[ranked.Order].Entry]);
    }

    /// <summary>An entry found, by its score and the order it was found in (earlier wins a tie, as a stable sort keeps it).</summary>
    private readonly record struct Ranked(double Score, int Order)
    {
        public bool Before(Ranked other) => Score > other.Score || (Score == other.Score && Order < other.Order);
    }

    /// <summary>Moves the entry at <paramref name="i"/> up while it is worse than its parent: the worst kept at the root.</summary>
    private static void SiftUp(Span<Ranked> heap, int i)
    {
        var item = heap[i];
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (!heap[parent].Before(item))
                break;
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = item;
    }

    /// <summary>Moves the entry at <paramref name="i"/> down while a child is worse than it.</summary>
    private static void SiftDown(Span<Ranked> heap, int i)
    {
        var item = heap[i];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= heap.Length)
                break;
            if (child + 1 < heap.Length && heap[child].Before(heap[child + 1]))
                child++;
            if (!item.Before(heap[child]))
                break;
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }

    /// <summary>When every query part is common ("Juan Hernández"), the entries holding the two rarest of them together.</summary>
    private static void SeedFromCommon(Segment segment, List<CommonToken> common, Scratch scratch)
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
        foreach (var token in byPart.Skip(2))
        {
            foreach (ref var found in scratch.Found)
            {
                if (token.IsHeldBy(found.Entry))
                    found.Score += token.Weight;
            }
        }
    }

    /// <summary>Vocabulary tokens a query part may stand for, best first, each once; in a list the scratch reuses.</summary>
    private static List<(int Token, double Prior)> Alternatives(Segment segment, PreparedPart part, Scratch scratch)
    {
        var found = scratch.Alternatives;
        found.Clear();
        var seen = scratch.Seen;
        seen.Clear();
        if (segment.IdOf(part.Token) is var exact and >= 0 && seen.Add(exact))
            found.Add((exact, ExactPrior));
        if (part.Core is { } core && segment.IdOf(core) is var coreId and >= 0 && seen.Add(coreId))
            found.Add((coreId, ExactPrior));
        if (part.IsInitial)
            return found;
        foreach (var group in part.Token.Groups)
            AddAll(segment.TokensInGroup(group), EquivalentPrior);
        AddAll(segment.TokensSoundingLike(part.Token), PhoneticPrior);
        AddAll(segment.TokensWithMetaphone(part.Token.MetaphonePrimary), PhoneticPrior);
        AddAll(segment.TokensWithMetaphone(part.Token.MetaphoneAlternate), PhoneticPrior);
        foreach (var typo in segment.TokensWithinTypo(part.Token.Text))
        {
            if (seen.Add(typo.Id))
                found.Add((typo.Id, TypoPrior));
        }
        // "rnarku" read off a scan reaches "marku" as the scanner would have read it right.
        if (!ReferenceEquals(part.Token.OcrSkeleton, part.Token.Text))
        {
            if (segment.Find(part.Token.OcrSkeleton) is { } read && segment.IdOf(read) is var readId and >= 0 && seen.Add(readId))
                found.Add((readId, TypoPrior));
            foreach (var typo in segment.TokensWithinTypo(part.Token.OcrSkeleton))
            {
                if (seen.Add(typo.Id))
                    found.Add((typo.Id, TypoPrior));
            }
        }
        return found;

        void AddAll(ReadOnlySpan<int> tokens, double prior)
        {
            foreach (var token in tokens)
            {
                if (seen.Add(token))
                    found.Add((token, prior));
            }
        }
    }

    /// <summary>Per-thread accumulators sized to the segment, so a query allocates almost nothing.</summary>
    private sealed class Scratch(int capacity)
    {
        public int Capacity { get; } = capacity;
        /// <summary>
        /// Per entry of the segment, one more than its place among the entries found (0: not found by this query). The walk
        /// of postings touches only this, four bytes an entry; what is known of a found entry sits in a short dense array
        /// that the later passes read in order.
        /// </summary>
        private readonly int[] _foundAt = new int[capacity];
        private FoundEntry[] _found = new FoundEntry[1024];
        private int _foundCount;
        private int _stamp;
        private Ranked[] _rank = new Ranked[128];
        public List<PreparedPart> Parts { get; } = new(8);
        public List<CommonToken> Common { get; } = new(16);
        public List<(int Token, double Prior)> Alternatives { get; } = new(64);
        public HashSet<int> Seen { get; } = new(64);

        /// <summary>The entries found so far, in the order they were found.</summary>
        public Span<FoundEntry> Found => _found.AsSpan(0, _foundCount);

        public void Begin()
        {
            Parts.Clear();
            Common.Clear();
            _stamp = 0;
        }

        /// <summary>Forgets this query's entries, while their places are still in cache.</summary>
        public void End()
        {
            foreach (ref readonly var found in Found)
                _foundAt[found.Entry] = 0;
            _foundCount = 0;
        }

        public void NextPart() => _stamp++;

        public void Add(int entry, double weight) => FoundEntryFor(entry).Score += weight;

        /// <summary>
        /// Credits each entry of a posting list, asking for the place of an entry a few postings ahead while this one is
        /// credited: the places are spread over megabytes, and waiting for each in turn is most of the walk.
        /// </summary>
        public void AddOncePerPart(ReadOnlySpan<int> postings, double weight)
        {
            const int Ahead = 16;
            for (var i = 0; i < postings.Length; i++)
            {
                if (i + Ahead < postings.Length)
                    Prefetch(ref _foundAt[postings[i + Ahead]]);
                AddOncePerPart(postings[i], weight);
            }
        }

        private static unsafe void Prefetch(ref int place)
        {
            // A hint only: an address the collector has since moved costs a wasted fetch, never a fault.
            if (Sse.IsSupported)
                Sse.Prefetch0(Unsafe.AsPointer(ref place));
        }

        /// <summary>A part counts once per entry, by its best alternative (they come best first).</summary>
        private void AddOncePerPart(int entry, double weight)
        {
            ref var found = ref FoundEntryFor(entry);
            if (found.PartStamp == _stamp)
                return;
            found.PartStamp = _stamp;
            found.Score += weight;
        }

        private ref FoundEntry FoundEntryFor(int entry)
        {
            ref var at = ref _foundAt[entry];
            if (at == 0)
            {
                if (_foundCount == _found.Length)
                    Array.Resize(ref _found, _found.Length * 2);
                _found[_foundCount] = new FoundEntry { Entry = entry, PartStamp = -1 };
                at = ++_foundCount;
            }
            return ref _found[at - 1];
        }

        /// <summary>A buffer of at least <paramref name="length"/> for the best entries, kept for the next query.</summary>
        public Span<Ranked> RankBuffer(int length)
        {
            if (_rank.Length < length)
                _rank = new Ranked[Math.Max(length, _rank.Length * 2)];
            return _rank.AsSpan(0, length);
        }
    }

    /// <summary>A common token of a query part: its bit per entry holding it (<see cref="Segment.EntriesHolding"/>), and its weight.</summary>
    private readonly record struct CommonToken(int Token, ulong[] Holders, double Weight, int Part)
    {
        public bool IsHeldBy(int entry) => (Holders[entry >> 6] & (1UL << entry)) != 0;
    }

    /// <summary>An entry the candidate stage found: its accumulated score and the last query part that credited it.</summary>
    private struct FoundEntry
    {
        public int Entry;
        public int PartStamp;
        public double Score;
    }
}

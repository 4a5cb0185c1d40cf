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
            AddCommon(segment, common, scratch);

        TakeBest(segment, scratch, limit, isLive, mayConsider, into);
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
    /// Common tokens only add to entries something rarer already found, once per query part (by the part's first
    /// alternative the entry holds: they come best first). One bit test per found entry and common token.
    /// </summary>
    private static void AddCommon(Segment segment, List<(int Token, double Weight, int Part)> common, Scratch scratch)
    {
        if (common.Count == 0)
            return;
        var found = scratch.Found;
        foreach (var entry in scratch.Touched)
        {
            var credited = -1;
            foreach (var (token, weight, part) in common)
            {
                if (part != credited && segment.Holds(token, entry))
                {
                    found[entry].Score += weight;
                    credited = part;
                }
            }
        }
    }

    /// <summary>
    /// Adds the best-scored found entries that are live and may be considered, best first, up to <paramref name="limit"/>;
    /// equal scores in the order they were found. One pass over the found entries (tens of thousands, for a hundred
    /// taken) keeps the best so far in a heap whose root is the worst of them, so most entries cost one comparison;
    /// only an entry that would enter the heap is checked for liveness and access.
    /// </summary>
    private static void TakeBest(Segment segment, Scratch scratch, int limit, Func<int, bool> isLive, Func<Guid, bool>? mayConsider, List<ListedEntry> into)
    {
        if (limit <= 0)
            return;
        var touched = scratch.Touched;
        var found = scratch.Found;
        var heap = scratch.RankBuffer(limit);
        var size = 0;
        for (var i = 0; i < touched.Count; i++)
        {
            var ranked = new Ranked(found[touched[i]].Score, i);
            if (size == limit && !ranked.Before(heap[0]))
                continue;
            var position = touched[i];
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
            into.Add(segment.Entries[touched[ranked.Order]]);
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
            foreach (var entry in scratch.Touched)
            {
                if (segment.Holds(token, entry))
                    scratch.Found[entry].Score += weight;
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
        foreach (var group in segment.GroupsOf(part.Token.Text))
            AddAll(segment.TokensInGroup(group), EquivalentPrior);
        AddAll(segment.TokensSoundingLike(part.Token), PhoneticPrior);
        AddAll(segment.TokensWithMetaphone(part.Token.MetaphonePrimary), PhoneticPrior);
        AddAll(segment.TokensWithMetaphone(part.Token.MetaphoneAlternate), PhoneticPrior);
        foreach (var typo in segment.TokensWithinTypo(part.Token.Text))
        {
            if (seen.Add(typo.Id))
                found.Add((typo.Id, TypoPrior));
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
        /// <summary>Per entry, side by side so that crediting one touches one cache line: its score, and its part stamp.</summary>
        public Slot[] Found { get; } = new Slot[capacity];
        private int _stamp;
        private Ranked[] _rank = new Ranked[128];
        public List<int> Touched { get; } = new(1024);
        public List<PreparedPart> Parts { get; } = new(8);
        public List<(int Token, double Weight, int Part)> Common { get; } = new(16);
        public List<(int Token, double Prior)> Alternatives { get; } = new(64);
        public HashSet<int> Seen { get; } = new(64);

        public void Begin()
        {
            foreach (var entry in Touched)
                Found[entry].Score = 0;
            Touched.Clear();
            Parts.Clear();
            Common.Clear();
            if (_stamp > int.MaxValue - 1_000)
            {
                foreach (ref var slot in Found.AsSpan())
                    slot.PartStamp = 0;
                _stamp = 0;
            }
        }

        public void NextPart() => _stamp++;

        public void Add(int entry, double weight) => Credit(ref Found[entry], entry, weight);

        /// <summary>A part counts once per entry, by its best alternative (they come best first).</summary>
        public void AddOncePerPart(int entry, double weight)
        {
            ref var slot = ref Found[entry];
            if (slot.PartStamp == _stamp)
                return;
            slot.PartStamp = _stamp;
            Credit(ref slot, entry, weight);
        }

        private void Credit(ref Slot slot, int entry, double weight)
        {
            if (slot.Score == 0)
                Touched.Add(entry);
            slot.Score += weight;
        }

        /// <summary>A buffer of at least <paramref name="length"/> for the best entries, kept for the next query.</summary>
        public Span<Ranked> RankBuffer(int length)
        {
            if (_rank.Length < length)
                _rank = new Ranked[Math.Max(length, _rank.Length * 2)];
            return _rank.AsSpan(0, length);
        }
    }

    /// <summary>What the candidate stage knows of one entry: its accumulated score (0 until found) and the last query part that credited it.</summary>
    private struct Slot
    {
        public double Score;
        public int PartStamp;
    }
}

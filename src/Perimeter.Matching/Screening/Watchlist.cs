using System.Collections.Frozen;

namespace Perimeter.Matching.Screening;

/// <summary>
/// The screening index over every listed entry, immutable: a change makes a new watchlist that shares
/// the large base segment and rebuilds only a small delta, so readers never lock and a writer swaps one
/// reference. <see cref="Screen"/> finds candidates through the index, then scores each one fully.
/// </summary>
/// <example><c>var list = Watchlist.Build(entries); var matches = list.Screen(query, ScreeningOptions.Default);</c></example>
public sealed class Watchlist
{
    private readonly Segment _base;
    private readonly Segment _delta;
    private readonly FrozenDictionary<Guid, Subject> _deltaSubjects;
    /// <summary>Base positions replaced by the delta or removed.</summary>
    private readonly FrozenSet<int> _deadInBase;
    private readonly FrozenDictionary<Guid, int> _basePositions;
    private readonly MatchingTables _tables;
    private readonly EntryScorer _scorer;
    private readonly Statistics _statistics;

    private Watchlist(Segment @base, FrozenDictionary<Guid, int> basePositions, Segment delta, FrozenDictionary<Guid, Subject> deltaSubjects,
        FrozenSet<int> deadInBase, MatchingTables tables)
    {
        _base = @base;
        _basePositions = basePositions;
        _delta = delta;
        _deltaSubjects = deltaSubjects;
        _deadInBase = deadInBase;
        _tables = tables;
        _scorer = new EntryScorer(tables.Model, tables.Equivalents);
        _statistics = Statistics.Of(@base, delta, deadInBase);
    }

    /// <summary>Entries screened against: the base's live ones and the delta's.</summary>
    public int Count => _base.Count - _deadInBase.Count + _delta.Count;

    /// <summary>Entries changed since the last full build; past <see cref="NeedsCompaction"/> a full build pays off.</summary>
    public int DeltaCount => _delta.Count + _deadInBase.Count;

    /// <summary>True when the delta has grown large enough that queries slow down: build the whole list again.</summary>
    public bool NeedsCompaction => DeltaCount > Math.Max(5_000, _base.Count / 8);

    /// <summary>The model that scores this list, with its band thresholds.</summary>
    public ScoringModel Model => _tables.Model;

    /// <summary>The version of the model and tables that score this list, for the audit record: <see cref="MatchingTables.Version"/>.</summary>
    public string Version => _tables.Version;

    /// <summary>Whether an entry is screened against: <c>list.Contains(alertId)</c>.</summary>
    public bool Contains(Guid id) =>
        _deltaSubjects.ContainsKey(id) || (_basePositions.TryGetValue(id, out var position) && !_deadInBase.Contains(position));

    /// <summary>Builds the whole index from scratch.</summary>
    /// <example><c>Watchlist.Build([(id, subject)])</c></example>
    public static Watchlist Build(IEnumerable<(Guid Id, Subject Subject)> entries, MatchingTables? tables = null)
    {
        tables ??= MatchingTables.Default;
        var ids = new List<Guid>();
        var subjects = new List<Subject>();
        foreach (var (id, subject) in entries.DistinctBy(e => e.Id))
        {
            ids.Add(id);
            subjects.Add(subject);
        }
        var segment = Segment.Build(ids, subjects, tables.Equivalents, null);
        var positions = new Dictionary<Guid, int>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
            positions[ids[i]] = i;
        return new Watchlist(segment, positions.ToFrozenDictionary(), Segment.Empty, FrozenDictionary<Guid, Subject>.Empty, FrozenSet<int>.Empty, tables);
    }

    /// <summary>A new watchlist with entries added or replaced and others removed; the base is shared, only the delta is rebuilt.</summary>
    /// <example><c>list = list.With(upserts: [(id, subject)], removals: [retiredId]);</c></example>
    public Watchlist With(IEnumerable<(Guid Id, Subject Subject)> upserts, IEnumerable<Guid> removals)
    {
        var delta = _deltaSubjects.ToDictionary();
        var dead = _deadInBase.ToHashSet();
        foreach (var id in removals)
        {
            delta.Remove(id);
            if (_basePositions.TryGetValue(id, out var position))
                dead.Add(position);
        }
        foreach (var (id, subject) in upserts)
        {
            delta[id] = subject;
            if (_basePositions.TryGetValue(id, out var position))
                dead.Add(position);
        }
        var ids = delta.Keys.ToList();
        var segment = Segment.Build(ids, [.. ids.Select(id => delta[id])], _tables.Equivalents, _base);
        return new Watchlist(_base, _basePositions, segment, delta.ToFrozenDictionary(), dead.ToFrozenSet(), _tables);
    }

    /// <summary>
    /// Screens one subject: the candidates the index finds, scored in full, best first, at or above
    /// <see cref="ScreeningOptions.Threshold"/>. Entries <paramref name="mayConsider"/> refuses are never
    /// scored or returned.
    /// </summary>
    /// <example><c>list.Screen(new Subject { Names = [SubjectName.Free("Jose Guzman")] }, ScreeningOptions.Default)</c></example>
    public IReadOnlyList<Match> Screen(Subject query, ScreeningOptions options, Func<Guid, bool>? mayConsider = null)
    {
        var prepared = PreparedQuery.Of(query, _base);
        var candidates = new List<ListedEntry>(options.Candidates * 2);
        Candidates.Collect(_base, prepared, options.Candidates, _statistics.TotalEntries, p => !_deadInBase.Contains(p), mayConsider, candidates);
        if (_delta.Count > 0)
            Candidates.Collect(_delta, PreparedQuery.Of(query, _delta), options.Candidates, _statistics.TotalEntries, _ => true, mayConsider, candidates);

        var kept = new List<(ListedEntry Entry, Weighed Weighed)>(candidates.Count);
        foreach (var entry in candidates)
        {
            if (options.Kind is { } kind && !Compatible(kind, entry.Kind))
                continue;
            var weighed = _scorer.Weigh(prepared, entry, _statistics);
            if (_scorer.ScoreOf(weighed) >= options.Threshold)
                kept.Add((entry, weighed));
        }
        // By weight as explained (one decimal), not by the rounded score: above about 23 bits every score reads 1.0000.
        kept.Sort((a, b) => Math.Round(b.Weighed.Bits, 1).CompareTo(Math.Round(a.Weighed.Bits, 1)));
        // A candidate the best one explains many times better is not who this is (often a relative or a namesake).
        if (kept.Count > 1 && options.MaxGapBits is { } gap)
        {
            var floor = Math.Round(kept[0].Weighed.Bits, 1) - gap;
            kept.RemoveAll(k => Math.Round(k.Weighed.Bits, 1) < floor);
        }
        // Only what is returned is explained.
        return [.. kept.Take(options.Top).Select(k => _scorer.Explain(prepared, k.Entry, k.Weighed, _statistics))];
    }

    /// <summary>Persons are screened against persons, organizations against organizations; objects by their own kind.</summary>
    private static bool Compatible(SubjectKind query, SubjectKind listed) => query == listed
        || (query is SubjectKind.Organization && listed is SubjectKind.Vehicle);
}

/// <summary>How many candidates to score and return, and from what score.</summary>
/// <example><c>ScreeningOptions.Default with { Top = 10 }</c></example>
public sealed record ScreeningOptions
{
    /// <summary>Five results from the possible band up, a hundred candidates scored.</summary>
    public static readonly ScreeningOptions Default = new();

    /// <summary>Results returned, best first.</summary>
    public int Top { get; init; } = 5;

    /// <summary>Lowest score returned; defaults to the possible band's threshold.</summary>
    public double Threshold { get; init; } = ScoringModel.Default.PossibleThreshold;

    /// <summary>Candidates the index hands to the full scorer.</summary>
    public int Candidates { get; init; } = 100;

    /// <summary>
    /// Candidates this many bits weaker than the best are left out: 3 bits means the best explains the subject eight
    /// times better (calibrated with the possible threshold on the benchmark: most of the false alerts were such
    /// candidates shown beside the right one). Null keeps every candidate over the threshold.
    /// </summary>
    public double? MaxGapBits { get; init; } = 2;

    /// <summary>Only entries of this kind (persons against persons); null for any.</summary>
    public SubjectKind? Kind { get; init; }
}

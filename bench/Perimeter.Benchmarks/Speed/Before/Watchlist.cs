using System.Reflection;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Speed.Before;

/// <summary>
/// <see cref="Watchlist.Screen"/> as it was, over the same built watchlist, through the frozen copies of the candidate
/// stage and the scorers beside this file: the baseline of the before/after comparisons. Base segment only (a
/// freshly built list has no delta).
/// </summary>
internal sealed class WatchlistBefore
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
    private readonly Segment _base;
    private readonly Statistics _statistics;
    private readonly EntryScorerBefore _scorer;

    public WatchlistBefore(Watchlist list)
    {
        if (list.DeltaCount != 0)
            throw new ArgumentException("Only a freshly built watchlist, with no delta", nameof(list));
        _base = (Segment)typeof(Watchlist).GetField("_base", Private)!.GetValue(list)!;
        _statistics = (Statistics)typeof(Watchlist).GetField("_statistics", Private)!.GetValue(list)!;
        var tables = (MatchingTables)typeof(Watchlist).GetField("_tables", Private)!.GetValue(list)!;
        _scorer = new EntryScorerBefore(tables.Model, tables.Equivalents);
    }

    public IReadOnlyList<Match> Screen(Subject query, ScreeningOptions options)
    {
        var prepared = PreparedQuery.Of(query, _base);
        var candidates = new List<ListedEntry>(options.Candidates * 2);
        CandidatesBefore.Collect(_base, prepared, options.Candidates, _statistics.TotalEntries, _ => true, null, candidates);
        var matches = new List<Match>(candidates.Count);
        foreach (var entry in candidates)
        {
            if (options.Kind is { } kind && kind != entry.Kind)
                continue;
            var match = _scorer.Score(prepared, entry, _statistics);
            if (match.Score >= options.Threshold)
                matches.Add(match);
        }
        matches.Sort((a, b) => b.Score.CompareTo(a.Score));
        return matches.Count > options.Top ? matches[..options.Top] : matches;
    }
}

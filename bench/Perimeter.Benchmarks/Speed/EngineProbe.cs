using System.Diagnostics;
using System.Reflection;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Speed;

/// <summary>
/// The steps of <see cref="Watchlist.Screen"/> timed one by one (prepare the query, collect candidates, score them),
/// on the watchlist's own base segment, so that a slow query shows where its time goes. Reads the watchlist's
/// private fields: a benchmark's view, not an API.
/// </summary>
internal sealed class EngineProbe
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;
    private readonly Segment _segment;
    private readonly Statistics _statistics;
    private readonly EntryScorer _scorer;

    public EngineProbe(Watchlist list)
    {
        _segment = (Segment)Field(list, "_base");
        _statistics = (Statistics)Field(list, "_statistics");
        _scorer = (EntryScorer)Field(list, "_scorer");
    }

    /// <summary>Entries holding a token above this many are "common": they only add to candidates rarer tokens found.</summary>
    public int CommonCap => _segment.CommonCap;

    /// <summary>Each query part's folded token and how many entries hold it: "juan:41,237 hernandez:28,904".</summary>
    public IReadOnlyList<(string Token, int Entries)> Tokens(Query query) =>
        [.. PreparedQuery.Of(query.Subject, _segment).Names.SelectMany(n => n.Parts).Select(p => (p.Token.Text, p.Token.DocumentFrequency))];

    public readonly record struct Steps(double Prepare, double Collect, double Score, int Candidates);

    /// <summary>The same steps as <see cref="Watchlist.Screen"/> with the default options, each timed in microseconds.</summary>
    public Steps Time(Query query)
    {
        var started = Stopwatch.GetTimestamp();
        var prepared = PreparedQuery.Of(query.Subject, _segment);
        var prepare = Latencies.MicrosecondsSince(started);

        started = Stopwatch.GetTimestamp();
        var candidates = new List<ListedEntry>(200);
        Candidates.Collect(_segment, prepared, ScreeningOptions.Default.Candidates, _statistics.TotalEntries, _ => true, null, candidates);
        var collect = Latencies.MicrosecondsSince(started);

        started = Stopwatch.GetTimestamp();
        var kept = 0;
        foreach (var entry in candidates)
        {
            if (_scorer.ScoreOf(_scorer.Weigh(prepared, entry, _statistics)) >= ScreeningOptions.Default.Threshold)
                kept++;
        }
        var score = Latencies.MicrosecondsSince(started);
        GC.KeepAlive(kept);
        return new Steps(prepare, collect, score, candidates.Count);
    }

    private static object Field(Watchlist list, string name) =>
        typeof(Watchlist).GetField(name, Private)?.GetValue(list) ?? throw new InvalidOperationException($"Watchlist has no field {name}");
}

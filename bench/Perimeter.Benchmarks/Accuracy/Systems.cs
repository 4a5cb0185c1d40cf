using FuzzySharp;
using Perimeter.Matching.Screening;
using Perimeter.Matching.Similarity;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>One entry a system returned for a query: its score, the score's log2-odds (ours) or the score again (baselines), and our band.</summary>
internal readonly record struct Ranked(Guid Id, double Score, double Bits, Band Band);

/// <summary>What one system returned for one query, best first, down to the candidate depth; with our explanations when it is our engine.</summary>
internal sealed record QueryResult(DevQuery Query, Ranked[] Ranking, IReadOnlyList<Match> Explained);

/// <summary>The screening engine, run exactly as the node runs it: persons against persons, organizations against organizations, the default candidate count.</summary>
internal static class Engine
{
    /// <summary>How deep the ranking is kept: every candidate the index hands to the scorer.</summary>
    public static readonly int CandidateDepth = ScreeningOptions.Default.Candidates;

    /// <summary>
    /// The lists indexed with the tables the node runs with here (<c>NodeMatchingTables</c>: the embedded ones and the
    /// shared English nickname list) and <paramref name="model"/>.
    /// </summary>
    public static Dictionary<DevList, Watchlist> Build(IEnumerable<DevList> lists, ScoringModel model, string sharedData)
    {
        var tables = Perimeter.Features.Screening.NodeMatchingTables.Load(Path.Combine(sharedData, "nicknames", "names.csv")) with { Model = model };
        return lists.ToDictionary(l => l, l => Watchlist.Build(l.Entries, tables));
    }

    /// <summary>
    /// Screens every query with no score cut and no gap cut, keeping the whole candidate ranking (cut it as the node does
    /// with <see cref="WithGap"/>); explanations for the shown top and the expected entry.
    /// </summary>
    public static QueryResult[] Run(IReadOnlyList<DevQuery> queries, Dictionary<DevList, Watchlist> lists)
    {
        var options = ScreeningOptions.Default with { Top = CandidateDepth, Threshold = 0, MaxGapBits = null };
        var results = new QueryResult[queries.Count];
        Parallel.For(0, queries.Count, i =>
        {
            var query = queries[i];
            var matches = lists[query.List].Screen(query.Subject, options with { Kind = query.Subject.Kind });
            var ranking = matches.Select(m => new Ranked(m.Id, m.Score, m.Explanation.WeightBits, m.Band)).ToArray();
            var explained = matches.Take(Metrics.Shown).Concat(matches.Skip(Metrics.Shown).Where(m => m.Id == query.Expected)).ToList();
            results[i] = new QueryResult(query, ranking, explained);
        });
        return results;
    }

    /// <summary>
    /// The rankings as the node returns them with <see cref="ScreeningOptions.MaxGapBits"/> = <paramref name="gap"/>: without
    /// the candidates that many bits weaker than the best. Null keeps them all.
    /// </summary>
    public static List<QueryResult> WithGap(IEnumerable<QueryResult> results, double? gap) =>
    [
        .. results.Select(r => gap is not { } bits || r.Ranking.Length == 0
            ? r
            : r with { Ranking = [.. r.Ranking.Where(x => x.Bits >= r.Ranking[0].Bits - bits)] }),
    ];
}

/// <summary>A system screened beside ours: a name and how it ranks a sample of queries.</summary>
internal interface IBaseline
{
    string Name { get; }

    QueryResult[] Run(IReadOnlyList<DevQuery> queries);
}

/// <summary>
/// The brute-force baselines: every query against every listed name of its list and kind, folded the same way
/// (<c>NameText.Fold</c>, given names first where the layout is known), the best name per entry.
/// </summary>
internal sealed class BruteForce(string name, Func<string, string, double> similarity) : IBaseline
{
    public string Name => name;

    /// <summary>Jaro–Winkler over the whole folded name: "joaquin guzman loera" against "joaquin guzman".</summary>
    public static BruteForce JaroWinklerWhole { get; } = new("Jaro–Winkler (whole name)", (a, b) => JaroWinkler.Similarity(a, b));

    /// <summary>FuzzySharp's token-set ratio, 0–100, read as 0–1: word order and repeated words do not count.</summary>
    public static BruteForce TokenSet { get; } = new("FuzzySharp token-set ratio", (a, b) => Fuzz.TokenSetRatio(a, b) / 100.0);

    /// <summary>Exact equality of the folded names: 1 or 0.</summary>
    public static BruteForce Exact { get; } = new("Exact folded name", (a, b) => string.Equals(a, b, StringComparison.Ordinal) ? 1 : 0);

    public QueryResult[] Run(IReadOnlyList<DevQuery> queries)
    {
        var indexed = queries.Select(q => (q.List, q.Subject.Kind)).Distinct().ToDictionary(k => k, k => Index(k.List, k.Kind));
        var results = new QueryResult[queries.Count];
        Parallel.For(0, queries.Count, () => new Dictionary<(DevList, SubjectKind), double[]>(), (i, _, best) =>
        {
            var query = queries[i];
            var key = (query.List, query.Subject.Kind);
            var (ids, entryOf, texts) = indexed[key];
            if (!best.TryGetValue(key, out var scores))
                best[key] = scores = new double[ids.Length];
            Array.Fill(scores, -1);
            for (var n = 0; n < texts.Length; n++)
            {
                var score = similarity(query.Text, texts[n]);
                if (score > scores[entryOf[n]])
                    scores[entryOf[n]] = score;
            }
            var ranking = Enumerable.Range(0, ids.Length)
                .Where(e => scores[e] > 0)
                .OrderByDescending(e => scores[e]).ThenBy(e => e)
                .Take(Engine.CandidateDepth)
                .Select(e => new Ranked(ids[e], scores[e], scores[e], Band.None))
                .ToArray();
            results[i] = new QueryResult(query, ranking, []);
            return best;
        }, _ => { });
        return results;
    }

    private static (Guid[] Ids, int[] EntryOf, string[] Texts) Index(DevList list, SubjectKind kind)
    {
        var names = list.Names.Where(n => n.Kind == kind).ToList();
        var ids = names.Select(n => n.Id).Distinct().ToArray();
        var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return (ids, [.. names.Select(n => position[n.Id])], [.. names.Select(n => n.Text)]);
    }
}

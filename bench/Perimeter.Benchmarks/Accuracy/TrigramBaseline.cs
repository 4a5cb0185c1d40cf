using Perimeter.Benchmarks.Speed;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// PostgreSQL's pg_trgm as a screening system: each list's names of one kind under a GIN trigram index, the best
/// entries by <c>similarity()</c> from 0.1 up (its own default threshold is 0.3; the benchmark chooses one on calibration
/// queries, as for the other baselines). Runs only where <c>PERIMETER_BENCH_POSTGRES</c> names a database.
/// </summary>
internal sealed class TrigramBaseline(string connectionString) : IBaseline
{
    private const double Floor = 0.1;

    public string Name => "PostgreSQL pg_trgm similarity";

    public QueryResult[] Run(IReadOnlyList<DevQuery> queries)
    {
        var results = new QueryResult[queries.Count];
        foreach (var group in Enumerable.Range(0, queries.Count).GroupBy(i => (queries[i].List, queries[i].Subject.Kind)))
        {
            var (list, kind) = group.Key;
            var names = list.Names.Where(n => n.Kind == kind).ToList();
            var ids = names.Select(n => n.Id).Distinct().ToArray();
            var position = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
            using var trigram = new PostgresTrigram(connectionString);
            trigram.Load([.. names.Select(n => n.Text)], [.. names.Select(n => position[n.Id])]);
            foreach (var i in group)
            {
                var ranking = trigram.ScreenScored(queries[i].Text, Floor, Engine.CandidateDepth)
                    .GroupBy(r => r.Entry).Select(g => (Entry: g.Key, Score: g.Max(r => r.Similarity)))
                    .OrderByDescending(r => r.Score).ThenBy(r => r.Entry)
                    .Select(r => new Ranked(ids[r.Entry], r.Score, r.Score, Band.None))
                    .ToArray();
                results[i] = new QueryResult(queries[i], ranking, []);
            }
        }
        return results;
    }
}

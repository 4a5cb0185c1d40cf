using BenchmarkDotNet.Attributes;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Speed;

/// <summary>
/// <see cref="Watchlist.Screen"/> on a 100,000-person generated list, for a query with a rare token and for one whose
/// every token is common (the slow kind: no rare token to seed candidates with). It is the baseline: before changing the
/// per-query path, add the changed path beside it as a second benchmark and compare them in one run.
/// </summary>
[SimpleJob(warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class ScreenBenchmarks
{
    private static readonly ScreeningOptions Options = ScreeningOptions.Default with { Kind = SubjectKind.Person };
    private Watchlist _list = null!;
    private Subject _query = null!;

    /// <summary>"rare": a listed name with one typo and a token few entries hold; "common": every token held by over 1 % of entries.</summary>
    [Params("rare", "common")]
    public string Query { get; set; } = "rare";

    [GlobalSetup]
    public void Setup()
    {
        var corpus = Corpus.Generate(100_000, 2_000, seed: 1);
        _list = Watchlist.Build(corpus.Entries);
        var probe = new EngineProbe(_list);
        var chosen = Query == "common"
            ? corpus.Queries.First(q => q.Variant == Variant.NotListed && probe.Tokens(q) is { Count: >= 3 } t && t.All(x => x.Entries > probe.CommonCap))
            : corpus.Queries.First(q => q.Variant == Variant.Typo && probe.Tokens(q).Any(x => x.Entries is > 0 and < 50));
        _query = chosen.Subject;
        Console.WriteLine($"// query {Query}: {chosen.Name} ({string.Join(' ', probe.Tokens(chosen).Select(t => $"{t.Token}:{t.Entries}"))})");
    }

    [Benchmark(Baseline = true)]
    public int Screen() => _list.Screen(_query, Options).Count;
}

using System.Diagnostics;
using System.Globalization;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Speed;

/// <summary>
/// <c>speed [--count 100000,1000000] [--queries 20000] [--baseline-queries 200] [--threads 2] [--seed 1]</c>: for each
/// list size, generates the persons in memory, builds the watchlist (time, heap, working set), screens the queries
/// one at a time (p50 … max, the slowest twenty, where the time goes) and on several threads (queries/s), then runs the
/// same sample through the baselines: whole-name Jaro–Winkler over every name, and pg_trgm when
/// PERIMETER_BENCH_POSTGRES holds a connection string.
/// </summary>
internal static class SpeedCommand
{
    public const string PostgresVariable = "PERIMETER_BENCH_POSTGRES";

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: speed [--count 100000,1000000] [--queries 20000] [--baseline-queries 200] [--threads 2] [--seed 1]");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"# speed: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}, seed {options.Seed}"));
        foreach (var count in options.Counts)
            RunOne(count, options);
        return 0;
    }

    private static void RunOne(int count, Options options)
    {
        Line($"\n## {count:N0} persons (load average at start: {LoadAverage()})");

        var started = Stopwatch.GetTimestamp();
        var corpus = Corpus.Generate(count, options.Queries, options.Seed);
        Line($"generated {corpus.Entries.Count:N0} persons ({corpus.FoldedNames.Count:N0} names) and {corpus.Queries.Count:N0} queries in {Seconds(started)} s");

        // Index size: the heap the watchlist adds, the generated subjects held on both sides of the difference.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        started = Stopwatch.GetTimestamp();
        var list = Watchlist.Build(corpus.Entries);
        var buildSeconds = Seconds(started);
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        Line($"build: {buildSeconds} s; index heap {Mib(heapAfter - heapBefore)} MiB; process after full GC: heap {Mib(heapAfter)} MiB, " +
             $"working set {Mib(process.WorkingSet64)} MiB, peak working set {Mib(process.PeakWorkingSet64)} MiB (with the generated input)");

        var queries = corpus.Queries;
        var screen = ScreeningOptions.Default with { Kind = SubjectKind.Person };
        foreach (var query in queries.Take(2_000))
            list.Screen(query.Subject, screen);

        // One thread, one query at a time.
        var latencies = new double[queries.Count];
        var found = new bool[queries.Count];
        var digest = new ResultsDigest();
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        for (var q = 0; q < queries.Count; q++)
        {
            var at = Stopwatch.GetTimestamp();
            var matches = list.Screen(queries[q].Subject, screen);
            latencies[q] = Latencies.MicrosecondsSince(at);
            digest.Add(matches);
            found[q] = queries[q].Entry >= 0 && matches.Any(m => m.Id == corpus.Entries[queries[q].Entry].Id);
        }
        var single = new Latencies(latencies);
        Line($"single thread: {single.Summary()}; GCs gen0/1/2 {GC.CollectionCount(0) - gcBefore.Item1}/{GC.CollectionCount(1) - gcBefore.Item2}/{GC.CollectionCount(2) - gcBefore.Item3}");
        Line($"results digest: {digest} (equal digests: the same matches, scores and explanations for every query)");
        foreach (var variant in Enum.GetValues<Variant>())
        {
            var ofVariant = Enumerable.Range(0, queries.Count).Where(q => queries[q].Variant == variant).ToList();
            var recall = variant == Variant.NotListed ? "" : $"; listed entry in the top {screen.Top}: {Percent(ofVariant.Count(q => found[q]), ofVariant.Count)}";
            Line($"  {variant}: {new Latencies([.. ofVariant.Select(q => latencies[q])]).Summary()}{recall}");
        }

        // Where the time goes, step by step, for every query and for the slowest.
        var probe = new EngineProbe(list);
        var steps = queries.Select(probe.Time).ToArray();
        Line($"steps (mean / p99 ms): prepare {Latencies.Ms(steps.Average(s => s.Prepare))} / {Latencies.Ms(new Latencies([.. steps.Select(s => s.Prepare)]).P(99))}, " +
             $"candidates {Latencies.Ms(steps.Average(s => s.Collect))} / {Latencies.Ms(new Latencies([.. steps.Select(s => s.Collect)]).P(99))}, " +
             $"scoring {Latencies.Ms(steps.Average(s => s.Score))} / {Latencies.Ms(new Latencies([.. steps.Select(s => s.Score)]).P(99))}; " +
             $"{steps.Average(s => s.Candidates):N0} candidates scored on average");
        Line($"slowest 20 (a token is common above {probe.CommonCap:N0} entries): ms | steps prepare/candidates/scoring ms | variant | tokens:entries");
        var commonOnly = 0;
        foreach (var q in Enumerable.Range(0, queries.Count).OrderByDescending(q => latencies[q]).Take(20))
        {
            var tokens = probe.Tokens(queries[q]);
            if (tokens.All(t => t.Entries > probe.CommonCap))
                commonOnly++;
            var s = steps[q];
            Line($"  {Latencies.Ms(latencies[q])} | {Latencies.Ms(s.Prepare)}/{Latencies.Ms(s.Collect)}/{Latencies.Ms(s.Score)} | {queries[q].Variant} | " +
                 string.Join(' ', tokens.Select(t => $"{t.Token}:{t.Entries:N0}")));
        }
        Line($"  of these, {commonOnly} have only common tokens");

        // Several threads: throughput, per second of wall time and per second of this process's CPU time (what
        // "per core" means on a machine where other work takes the cores at times).
        for (var threads = 1; threads <= options.Threads; threads++)
        {
            var rounds = 0;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            started = Stopwatch.GetTimestamp();
            do
            {
                Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, q => list.Screen(queries[q].Subject, screen));
                rounds++;
            }
            while (Stopwatch.GetElapsedTime(started).TotalSeconds < 5);
            var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            var screened = rounds * queries.Count;
            Line($"throughput, {threads} thread(s): {screened / wall:N0} queries/s, {screened / wall / threads:N0} per thread; " +
                 $"{screened / cpu:N0} queries per CPU-second");
        }

        // Baselines on a sample of the same queries.
        var sample = queries.Take(options.BaselineQueries).ToList();
        var engine = sample.Select(query =>
        {
            var at = Stopwatch.GetTimestamp();
            var top = list.Screen(query.Subject, screen);
            return (Micros: Latencies.MicrosecondsSince(at), Found: query.Entry >= 0 && top.Any(m => m.Id == corpus.Entries[query.Entry].Id));
        }).ToList();
        Line($"baselines on {sample.Count} of the queries ({sample.Count(q => q.Entry >= 0)} from listed entries):");
        Line($"  engine: {new Latencies([.. engine.Select(e => e.Micros)]).Summary()}; listed entry in the top 5: {Percent(engine.Count(e => e.Found), sample.Count(q => q.Entry >= 0))}");

        var brute = sample.Select(query =>
        {
            var at = Stopwatch.GetTimestamp();
            var top = WholeNameJaroWinkler.Screen(query.Name, corpus.FoldedNames, corpus.FoldedNameEntry);
            return (Micros: Latencies.MicrosecondsSince(at), Found: query.Entry >= 0 && top.Contains(query.Entry));
        }).ToList();
        Line($"  whole-name Jaro–Winkler, every name: {new Latencies([.. brute.Select(e => e.Micros)]).Summary()}; listed entry in the top 5: {Percent(brute.Count(e => e.Found), sample.Count(q => q.Entry >= 0))}");

        if (Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } connectionString)
        {
            using var postgres = new PostgresTrigram(connectionString);
            var (load, index, indexBytes) = postgres.Load(corpus.FoldedNames, corpus.FoldedNameEntry);
            foreach (var query in sample.Take(20))
                postgres.Screen(query.Name);
            var trigram = sample.Select(query =>
            {
                var at = Stopwatch.GetTimestamp();
                var top = postgres.Screen(query.Name);
                return (Micros: Latencies.MicrosecondsSince(at), Found: query.Entry >= 0 && top.Contains(query.Entry));
            }).ToList();
            Line($"  pg_trgm (GIN, name % q, top 5 by similarity): COPY {load:0.0} s, index build {index:0.0} s, index {Mib(indexBytes)} MiB; " +
                 $"{new Latencies([.. trigram.Select(e => e.Micros)]).Summary()}; listed entry in the top 5: {Percent(trigram.Count(e => e.Found), sample.Count(q => q.Entry >= 0))}");
        }
        else
        {
            Line($"  pg_trgm: skipped ({PostgresVariable} not set; scripts/bench-postgres sets it)");
        }
        Line($"load average at end: {LoadAverage()}");
        GC.KeepAlive(list);
    }

    /// <summary>The 1, 5 and 15-minute load averages: other work on the machine skews every figure above.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Line(FormattableString text)
    {
        Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));
        Console.Out.Flush();
    }

    private static void Line(string text) => Console.WriteLine(text);

    private static string Seconds(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:0.0} % ({part:N0}/{whole:N0})");

    private sealed record Options(int[] Counts, int Queries, int BaselineQueries, int Threads, int Seed)
    {
        public static Options? Parse(string[] args)
        {
            var options = new Options([100_000, 1_000_000], 20_000, 200, 2, 1);
            for (var i = 0; i < args.Length; i += 2)
            {
                if (i + 1 >= args.Length)
                    return null;
                var value = args[i + 1];
                options = args[i] switch
                {
                    "--count" => options with { Counts = [.. value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                    "--queries" => options with { Queries = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--baseline-queries" => options with { BaselineQueries = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--threads" => options with { Threads = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                    _ => null,
                };
                if (options is null)
                    return null;
            }
            return options;
        }
    }
}

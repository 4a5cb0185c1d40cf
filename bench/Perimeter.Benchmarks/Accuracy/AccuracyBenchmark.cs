using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Perimeter.Benchmarks.Speed;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// <c>accuracy [--data DIR] [--markdown FILE] [--seed N] [--sample N] [--calibration-sample N] [--examples] [--holdout]</c>: builds the
/// development set, screens it with the model the node runs (<see cref="ScoringModel.Default"/>), learns the weights
/// of the evidence against and sets the thresholds on the calibration part, and prints the calibration part kind by
/// kind (with <c>--examples</c>, misses and false alerts with their explanations). Only with <c>--holdout</c> does it read the hold-out part — once, at the end of a piece of work — with the
/// baselines beside our engine on a sample of the same queries.
/// </summary>
internal static class AccuracyBenchmark
{
    private const int DefaultSeed = 1729;

    private sealed record Options(string? Data, string? Markdown, int Seed, int Sample, int CalibrationSample, bool HoldOut, bool Examples);

    public static int Run(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            Console.Error.WriteLine("usage: accuracy [--data DIR] [--markdown FILE] [--seed N] [--sample N] [--calibration-sample N] [--examples] [--holdout]");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var tables = new List<Table>();
        void Show(Table table)
        {
            tables.Add(table);
            Console.WriteLine(table.ToText());
        }
        void Progress(string what) => Console.Error.WriteLine(Invariant($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {what}"));

        var directory = SharedData.Locate(options.Data);
        var set = new DevSetBuilder(SharedData.Load(directory), options.Seed).Build();
        Progress($"development set: {set.Queries.Count:N0} queries from {directory}");
        Show(Reports.DevSetTable(set));
        Show(Reports.KindTable(set));

        var model = ScoringModel.Default;
        var gap = ScreeningOptions.Default.MaxGapBits;
        var lists = Engine.Build(set.Lists, model, directory);
        var calibrationQueries = set.Queries.Where(q => q.Part == Part.Calibration).ToList();
        var calibrationUncut = Engine.Run(calibrationQueries, lists);
        Progress("screened the calibration part with the node's model");

        var alertBits = Calibration.BitsOf(model.PossibleThreshold, model);
        var learned = WeightLearner.Learn(calibrationUncut, model, alertBits);
        Show(WeightLearner.Report(learned, alertBits));
        var calibrated = Calibration.Thresholds(calibrationUncut, model);
        calibrated.Tables.ForEach(Show);
        Show(Calibration.Agreement(model, gap, calibrated, learned));

        var calibration = Engine.WithGap(calibrationUncut, gap);
        Show(Reports.PerKind("Calibration part, kind by kind, as the node screens (possible band)", calibration));
        Show(Reports.Summary("Calibration part: what an officer lives with", calibration));
        Show(Reports.Goals("calibration part", calibration, baselines: []));
        if (options.Examples)
            Console.WriteLine(Reports.Examples(calibration, "calibration"));
        if (!options.HoldOut)
        {
            Progress("hold-out part not read: pass --holdout once, at the end of a piece of work");
            return Finish(options, set, tables, "", 0, 0, lists.Values.First().Version, clock, Progress);
        }

        var holdOutQueries = set.Queries.Where(q => q.Part == Part.HoldOut).ToList();
        var holdOut = Engine.WithGap(Engine.Run(holdOutQueries, lists), gap);
        Progress("screened the hold-out part with the node's model");

        // The baselines are brute force or a database round trip: a seeded sample of queries from each part.
        var calibrationSample = Sample(calibrationQueries, options.CalibrationSample, options.Seed);
        var holdOutSample = Sample(holdOutQueries, options.Sample, options.Seed);
        var baselines = new List<(string Name, List<QueryResult> Results, double Threshold)>();
        foreach (var baseline in Baselines())
        {
            var point = Metrics.BestF1(Metrics.Sweep(baseline.Run(calibrationSample), r => r.Score));
            baselines.Add((baseline.Name, [.. baseline.Run(holdOutSample)], point.Threshold));
            Progress($"baseline {baseline.Name}");
        }
        var sampled = holdOutSample.Select(q => q.Number).ToHashSet();
        Show(Reports.PerKind($"Hold-out part, kind by kind, as the node screens (possible band, {holdOut.Count:N0} queries)", holdOut));
        Show(Reports.Summary("Hold-out part: what an officer lives with", holdOut));
        Show(Reports.Slices(holdOut));
        Show(Reports.Beside(holdOut.Where(r => sampled.Contains(r.Query.Number)).ToList(), baselines, calibrationSample.Count));
        Show(Reports.Goals("hold-out part", holdOut, baselines));
        var examples = Reports.Examples(holdOut, "hold-out");
        Console.WriteLine(examples);
        return Finish(options, set, tables, examples, holdOutSample.Count, calibrationSample.Count, lists.Values.First().Version, clock, Progress);
    }

    private static int Finish(Options options, DevSet set, List<Table> tables, string examples, int sample, int calibrationSample, string version, Stopwatch clock, Action<string> progress)
    {
        progress("done");
        if (options.Markdown is { } path)
        {
            File.WriteAllText(path, Markdown(set, tables, examples, options, sample, calibrationSample, version, clock.Elapsed));
            progress($"wrote {path}");
        }
        return 0;
    }

    /// <summary>FuzzySharp, whole-name Jaro–Winkler, exact names, and pg_trgm where a database is given.</summary>
    private static IEnumerable<IBaseline> Baselines()
    {
        yield return BruteForce.TokenSet;
        yield return BruteForce.JaroWinklerWhole;
        yield return BruteForce.Exact;
        if (Environment.GetEnvironmentVariable(SpeedCommand.PostgresVariable) is { Length: > 0 } connectionString)
            yield return new TrigramBaseline(connectionString);
        else
            Console.Error.WriteLine($"pg_trgm baseline skipped: set {SpeedCommand.PostgresVariable} (scripts/bench-postgres does)");
    }

    private static Options? Parse(string[] args)
    {
        var options = new Options(null, null, DefaultSeed, 1_500, 500, HoldOut: false, Examples: false);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--holdout" or "--examples")
            {
                options = args[i] == "--holdout" ? options with { HoldOut = true } : options with { Examples = true };
                continue;
            }
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
                return null;
            options = args[i] switch
            {
                "--data" => options with { Data = value },
                "--markdown" => options with { Markdown = value },
                "--seed" => options with { Seed = int.Parse(value, CultureInfo.InvariantCulture) },
                "--sample" => options with { Sample = int.Parse(value, CultureInfo.InvariantCulture) },
                "--calibration-sample" => options with { CalibrationSample = int.Parse(value, CultureInfo.InvariantCulture) },
                _ => null,
            };
            if (options is null)
                return null;
            i++;
        }
        return options;
    }

    private static List<DevQuery> Sample(IEnumerable<DevQuery> queries, int count, int seed) =>
        [.. queries.OrderBy(q => Seeded.Hash(seed, "baseline-sample", q.Number)).Take(count).OrderBy(q => q.Number)];

    private static string Markdown(DevSet set, List<Table> tables, string examples, Options options, int sample, int calibrationSample, string version, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("### Results").AppendLine();
        text.AppendLine(Invariant($"Run {DateTime.UtcNow:yyyy-MM-dd} with seed {options.Seed}, {set.Queries.Count:N0} queries, scorer {version}{(options.HoldOut ? $", baselines on a sample of {sample:N0} hold-out and {calibrationSample:N0} calibration queries" : ", calibration part only")}; {elapsed.TotalMinutes:0.0} minutes on {Machine()}."));
        text.AppendLine();
        foreach (var table in tables)
            text.AppendLine(table.ToMarkdown());
        if (examples.Length > 0)
        {
            text.AppendLine("#### Examples").AppendLine();
            text.AppendLine(examples.Replace("Example", "##### Example", StringComparison.Ordinal));
        }
        return text.ToString();
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

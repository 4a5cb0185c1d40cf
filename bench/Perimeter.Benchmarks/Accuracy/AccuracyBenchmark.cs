using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// <c>accuracy [--data DIR] [--markdown FILE] [--seed N] [--sample N] [--calibration-sample N]</c>: builds the
/// development set, screens it with our engine at the default model, sets thresholds and the prior on the calibration
/// part, screens the hold-out part again with the calibrated model, runs the three baselines on a sample of the same
/// queries, and prints the tables (and writes them as Markdown with <c>--markdown</c>).
/// </summary>
internal static class AccuracyBenchmark
{
    private const int DefaultSeed = 1729;
    private const double GoalRecall = 0.97;
    /// <summary>The possible band is set for this recall on the calibration part: a fifth of a point above the goal, so that the hold-out part keeps it.</summary>
    private const double CalibrationRecall = 0.972;
    private const double TargetStrongPrecision = 0.99;
    private const double GoalF1 = 0.95;
    private static readonly double[] PriorGrid = [-24, -20, -16, -14, -12, -10, -8, -6];
    /// <summary>Gaps tried on the calibration part (null: every candidate over the threshold is shown).</summary>
    private static readonly double?[] GapGrid = [null, 12, 10, 8, 7, 6, 5, 4, 3];

    private sealed record Options(string? Data, string? Markdown, int Seed, int Sample, int CalibrationSample);

    /// <summary>A system's decisions on the hold-out part, with the rule that made them.</summary>
    private sealed record Row(string System, string Rule, Counts Counts);

    public static int Run(string[] args)
    {
        if (Parse(args) is not { } options)
        {
            Console.Error.WriteLine("usage: accuracy [--data DIR] [--markdown FILE] [--seed N] [--sample N] [--calibration-sample N]");
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
        var data = SharedData.Load(directory);
        var set = new DevSetBuilder(data, options.Seed).Build();
        Progress($"development set: {set.Queries.Count:N0} queries from {directory}");
        Show(DevSetTable(set));
        Show(KindTable(set));

        var defaultLists = Engine.Build(set.Lists, ScoringModel.Default);
        var screened = Engine.Run(set.Queries, defaultLists);
        Progress("screened every query with the default model");
        var atDefault = Engine.WithGap(screened, ScreeningOptions.Default.MaxGapBits);
        var calibration = atDefault.Where(r => r.Query.Part == Part.Calibration).ToList();
        var holdOutDefault = atDefault.Where(r => r.Query.Part == Part.HoldOut).ToList();

        var (model, gap, calibrationTables) = Calibrate([.. screened.Where(r => r.Query.Part == Part.Calibration)]);
        calibrationTables.ForEach(Show);
        var holdOutQueries = holdOutDefault.Select(r => r.Query).ToList();
        var holdOutCalibrated = Engine.WithGap(Engine.Run(holdOutQueries, Engine.Build(set.Lists, model)), gap);
        Progress("screened the hold-out part with the calibrated model");

        // The baselines are brute force: a seeded sample of queries from each part.
        var calibrationSample = Sample(calibration.Select(r => r.Query), options.CalibrationSample, options.Seed);
        var holdOutSample = Sample(holdOutQueries, options.Sample, options.Seed);
        var sampled = holdOutSample.Select(q => q.Number).ToHashSet();
        var baselineRows = new List<Row>();
        var baselineResults = new Dictionary<string, (List<QueryResult> Results, double Threshold)>();
        foreach (var baseline in new[] { BruteForce.JaroWinklerWhole, BruteForce.TokenSet })
        {
            var point = Metrics.BestF1(Metrics.Sweep(baseline.Run(calibrationSample), r => r.Score));
            var results = baseline.Run(holdOutSample).ToList();
            baselineRows.Add(new Row(baseline.Name, $"score ≥ {Table.Number(point.Threshold, "0.000")} (best F1 on calibration)", Metrics.Count(results, r => r.Score >= point.Threshold)));
            baselineResults[baseline.Name] = (results, point.Threshold);
            Progress($"baseline {baseline.Name}");
        }
        var exact = BruteForce.Exact.Run(holdOutSample).ToList();
        baselineRows.Add(new Row(BruteForce.Exact.Name, "equal", Metrics.Count(exact, r => r.Score >= 1)));
        baselineResults[BruteForce.Exact.Name] = (exact, 1);

        var oursRows = OursRows(holdOutDefault, holdOutCalibrated, model, gap);
        var oursSampleRows = OursRows([.. holdOutDefault.Where(r => sampled.Contains(r.Query.Number))],
            [.. holdOutCalibrated.Where(r => sampled.Contains(r.Query.Number))], model, gap);
        Show(DecisionTable($"Hold-out sample ({holdOutSample.Count:N0} queries): our engine beside the baselines", [.. oursSampleRows, .. baselineRows],
            "Baselines' thresholds maximise F1 on a calibration sample of " + Invariant($"{calibrationSample.Count:N0} queries.")));
        Show(DecisionTable($"Our engine, whole hold-out part ({holdOutDefault.Count:N0} queries)",
            [.. oursRows, new Row("Perimeter (default model)", "possible, first result only", Metrics.Count(holdOutDefault, r => r.Band >= Band.Possible, depth: 1))],
            "The last row is a diagnostic: the same model alerting only on its first result, to separate ranking from the extra names shown beside it."));
        foreach (var list in set.Lists)
        {
            Show(DecisionTable($"Our engine, hold-out, list {list.Name}", OursRows(
                [.. holdOutDefault.Where(r => r.Query.List == list)], [.. holdOutCalibrated.Where(r => r.Query.List == list)], model, gap), null));
        }
        Show(SliceTable(holdOutDefault, holdOutCalibrated));
        Show(KindRecallTable(holdOutDefault, holdOutCalibrated, sampled, baselineResults));
        Show(FalseAlertTable(holdOutDefault, holdOutCalibrated));
        Show(GoalTable(Metrics.Count(holdOutDefault, r => r.Band >= Band.Possible), Metrics.Count(holdOutCalibrated, r => r.Band >= Band.Possible), baselineRows));
        var examples = Examples(holdOutDefault);
        Console.WriteLine(examples);
        Progress("done");

        if (options.Markdown is { } path)
        {
            File.WriteAllText(path, Markdown(set, tables, examples, options, holdOutSample.Count, calibrationSample.Count, clock.Elapsed));
            Progress($"wrote {path}");
        }
        return 0;
    }

    private static Options? Parse(string[] args)
    {
        var options = new Options(null, null, DefaultSeed, 1_500, 500);
        for (var i = 0; i < args.Length; i++)
        {
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

    /// <summary>
    /// Thresholds from the calibration part, on the model's log2-odds (<c>WeightBits</c>, rounded to 0.1, so "bits ≥ b"
    /// means unrounded bits ≥ b − 0.05) so that they hold for any prior: possible at the best precision with recall
    /// ≥ 0.97, strong at the most recall with precision ≥ 0.99. Bands are thresholds on logistic(bits + prior), so every
    /// prior of the grid gives the same decisions with its own thresholds; the grid shows them, and which prior makes
    /// the score read best as a probability (least log loss over the shown results). The recommended model keeps the
    /// default prior and moves only the thresholds.
    /// </summary>
    private static (ScoringModel Model, double? Gap, List<Table> Tables) Calibrate(List<QueryResult> uncut)
    {
        // The gap first: for each, the possible threshold that keeps recall at the target; the gap whose threshold gives
        // the best precision wins, and the thresholds below are set with it.
        var gaps = new Table("Calibration part: gap grid (candidates this many bits weaker than the best are not shown)",
            "MaxGapBits", "possible: bits ≥", "precision", "recall", "F1", "false alerts");
        var byGap = GapGrid.Select(g => (Gap: g, Point: Metrics.ForRecall(Metrics.Sweep(Engine.WithGap(uncut, g), r => r.Bits), CalibrationRecall))).ToList();
        foreach (var (g, point) in byGap)
            gaps.Row(g is { } bits ? Table.Number(bits, "0") : "none", Table.Number(point.Threshold), Table.Ratio(point.Precision), Table.Ratio(point.Recall), Table.Ratio(point.F1), Table.Number(point.FalsePositives));
        var gap = byGap.Where(b => b.Point.Recall >= CalibrationRecall).OrderByDescending(b => b.Point.Precision).Select(b => b.Gap).FirstOrDefault(ScreeningOptions.Default.MaxGapBits);
        gaps.Note = Invariant($"Chosen: MaxGapBits = {(gap is { } chosen ? chosen.ToString("0", CultureInfo.InvariantCulture) : "none")} (the node's default is {ScreeningOptions.Default.MaxGapBits}).");
        var calibration = Engine.WithGap(uncut, gap);

        var sweep = Metrics.Sweep(calibration, r => r.Bits);
        var possible = Metrics.ForRecall(sweep, CalibrationRecall);
        var strong = Metrics.ForPrecision(sweep, TargetStrongPrecision);
        var prior = ScoringModel.Default.PriorBits;
        var model = ScoringModel.Default with
        {
            PossibleThreshold = Logistic(possible.Threshold - HalfStep + prior),
            StrongThreshold = Logistic(strong.Threshold - HalfStep + prior),
        };

        var points = new Table("Calibration part: thresholds on the evidence (log2-odds before the prior)",
            "rule", "bits ≥", "precision", "recall", "F1", "true alerts", "false alerts")
        {
            Note = Invariant($"The default model (prior {ScoringModel.Default.PriorBits}) has possible at bits ≥ {Logit(ScoringModel.Default.PossibleThreshold) - ScoringModel.Default.PriorBits:0.0} (score {ScoringModel.Default.PossibleThreshold:0.00}) and strong at bits ≥ {Logit(ScoringModel.Default.StrongThreshold) - ScoringModel.Default.PriorBits:0.0} (score {ScoringModel.Default.StrongThreshold:0.00})."),
        };
        (string, SweepPoint)[] rules =
        [
            ($"possible: recall ≥ {CalibrationRecall}, best precision", possible),
            ("strong: precision ≥ 0.95, most recall", Metrics.ForPrecision(sweep, 0.95)),
            ("strong: precision ≥ 0.97, most recall", Metrics.ForPrecision(sweep, 0.97)),
            ($"strong: precision ≥ {TargetStrongPrecision}, most recall", strong),
            ("best F1 (for reference)", Metrics.BestF1(sweep)),
        ];
        foreach (var (rule, point) in rules)
            points.Row(rule, Table.Number(point.Threshold), Table.Ratio(point.Precision), Table.Ratio(point.Recall), Table.Ratio(point.F1), Table.Number(point.TruePositives), Table.Number(point.FalsePositives));

        var best = PriorGrid.MinBy(p => Metrics.LogLoss(calibration, p));
        var grid = new Table("Calibration part: prior grid (the same decisions at every prior; only the thresholds move)",
            "PriorBits", "log loss (bits)", "PossibleThreshold", "StrongThreshold")
        {
            Note = Invariant($"Recommended: PriorBits = {model.PriorBits} (unchanged), PossibleThreshold = {Round(model.PossibleThreshold)}, StrongThreshold = {Round(model.StrongThreshold)}. The prior with the least log loss is {best}: scores would then read closer to probabilities, but no decision changes."),
        };
        foreach (var p in PriorGrid)
        {
            grid.Row(Table.Number(p, "0"), Table.Number(Metrics.LogLoss(calibration, p), "0.0000"),
                Round(Logistic(possible.Threshold - HalfStep + p)), Round(Logistic(strong.Threshold - HalfStep + p)));
        }
        return (model, gap, [gaps, points, grid]);
    }

    /// <summary>Half the 0.1-bit rounding step of <c>Explanation.WeightBits</c>.</summary>
    private const double HalfStep = 0.05;

    /// <summary>A threshold floored to enough decimals to tell it from 0 and 1: 0.4827, 0.9999997615, 0.000061.</summary>
    public static string Round(double threshold)
    {
        var digits = Math.Clamp((int)Math.Ceiling(Math.Max(-Math.Log10(1 - threshold), -Math.Log10(threshold))) + 3, 4, 12);
        var scale = Math.Pow(10, digits);
        return (Math.Floor(threshold * scale) / scale).ToString("0.0###########", CultureInfo.InvariantCulture);
    }

    private static double Logistic(double bits) => 1.0 / (1.0 + Math.Pow(2, -bits));

    private static double Logit(double p) => Math.Log2(p / (1 - p));

    private static List<DevQuery> Sample(IEnumerable<DevQuery> queries, int count, int seed) =>
        [.. queries.OrderBy(q => Seeded.Hash(seed, "baseline-sample", q.Number)).Take(count).OrderBy(q => q.Number)];

    private static List<Row> OursRows(List<QueryResult> atDefault, List<QueryResult> calibrated, ScoringModel model, double? gap)
    {
        var gapText = gap is { } bits ? Invariant($", gap {bits:0} bits") : ", no gap";
        return
        [
            new("Perimeter (default model)", Invariant($"possible (score ≥ {ScoringModel.Default.PossibleThreshold:0.00})"), Metrics.Count(atDefault, r => r.Band >= Band.Possible)),
            new("Perimeter (default model)", Invariant($"strong (score ≥ {ScoringModel.Default.StrongThreshold:0.00})"), Metrics.Count(atDefault, r => r.Band == Band.Strong)),
            new("Perimeter (calibrated)", $"possible (score ≥ {Round(model.PossibleThreshold)}{gapText})", Metrics.Count(calibrated, r => r.Band >= Band.Possible)),
            new("Perimeter (calibrated)", $"strong (score ≥ {Round(model.StrongThreshold)}{gapText})", Metrics.Count(calibrated, r => r.Band == Band.Strong)),
        ];
    }

    private static Table DecisionTable(string title, List<Row> rows, string? note)
    {
        var table = new Table(title, "system", "alerts when", "precision", "recall", "F1", "recall@1", $"recall@{Engine.CandidateDepth}", "alerts/1k", "false alerts/1k negatives")
        {
            Note = note,
        };
        foreach (var row in rows)
        {
            var c = row.Counts;
            table.Row(row.System, row.Rule, Table.Ratio(c.Precision), Table.Ratio(c.Recall), Table.Ratio(c.F1), Table.Ratio(c.RecallAt1),
                Table.Ratio(c.RecallAtK), Table.Number(c.AlertsPer1000), c.NegativeAlertsPer1000 is { } n ? Table.Number(n) : "—");
        }
        return table;
    }

    private static Table DevSetTable(DevSet set)
    {
        var table = new Table("Development set", "part", "list", "entries (persons)", "queries", "positives", "negatives", "with DOB", "Hispanic")
        {
            Note = "Left out as ambiguous (the words of another entry's name, nothing to tell them apart): "
                + (set.Dropped.Count == 0 ? "none" : string.Join(", ", set.Dropped.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => Invariant($"{d.Key} {d.Value}")))) + ".",
        };
        foreach (var part in new[] { Part.Calibration, Part.HoldOut })
        {
            foreach (var list in set.Lists)
            {
                var queries = set.Queries.Where(q => q.Part == part && q.List == list).ToList();
                var persons = list.Entries.Count(e => e.Subject.Kind == SubjectKind.Person);
                table.Row(part.ToString(), list.Name, Invariant($"{list.Entries.Count:N0} ({persons:N0})"), Table.Number(queries.Count),
                    Table.Number(queries.Count(q => q.IsPositive)), Table.Number(queries.Count(q => !q.IsPositive)),
                    Table.Number(queries.Count(q => q.HasDob)), Table.Number(queries.Count(q => q.Hispanic)));
            }
        }
        return table;
    }

    private static Table KindTable(DevSet set)
    {
        var table = new Table("Queries by kind", "kind", "calibration", "hold-out", "example (hold-out)");
        foreach (var group in set.Queries.GroupBy(q => q.Kind).OrderBy(g => g.First().Number))
        {
            var example = group.FirstOrDefault(q => q.Part == Part.HoldOut);
            var expected = example?.Expected is { } id ? $" → {example.List.Labels[id]}" : "";
            table.Row(group.Key, Table.Number(group.Count(q => q.Part == Part.Calibration)), Table.Number(group.Count(q => q.Part == Part.HoldOut)),
                example is null ? "" : $"{example.Display}{expected}");
        }
        return table;
    }

    private static Table SliceTable(List<QueryResult> atDefault, List<QueryResult> calibrated)
    {
        var table = new Table("Our engine by slice, hold-out (possible band)", "slice", "queries", "positives",
            "P default", "R default", "F1 default", "false alerts/1k neg.", "P calibrated", "R calibrated", "F1 calibrated");
        (string, Func<DevQuery, bool>)[] slices =
        [
            ("all", _ => true),
            ("Hispanic names (OFAC + common)", q => q.Hispanic),
            ("other OFAC names", q => !q.Hispanic && q.List.Name == "ofac"),
            ("FEBRL (Anglo-Australian)", q => q.List.Name == "febrl"),
            ("with DOB", q => q.HasDob),
            ("without DOB", q => !q.HasDob),
            ("Hispanic, without DOB", q => q.Hispanic && !q.HasDob),
            .. atDefault.Select(r => r.Query.Kind).Distinct().Select(k => ((string, Func<DevQuery, bool>))($"kind: {k}", q => q.Kind == k)),
        ];
        foreach (var (name, filter) in slices)
        {
            var d = Metrics.Count(atDefault.Where(r => filter(r.Query)), r => r.Band >= Band.Possible);
            var c = Metrics.Count(calibrated.Where(r => filter(r.Query)), r => r.Band >= Band.Possible);
            table.Row(name, Table.Number(d.Queries), Table.Number(d.Positives), Table.Ratio(d.Precision), Table.Ratio(d.Recall), Table.Ratio(d.F1),
                d.NegativeAlertsPer1000 is { } n ? Table.Number(n) : "—", Table.Ratio(c.Precision), Table.Ratio(c.Recall), Table.Ratio(c.F1));
        }
        return table;
    }

    private static Table KindRecallTable(List<QueryResult> atDefault, List<QueryResult> calibrated, HashSet<int> sampled,
        Dictionary<string, (List<QueryResult> Results, double Threshold)> baselines)
    {
        var names = baselines.Keys.ToList();
        var table = new Table("Recall (positives) or false alerts per 1k (negatives) by kind, hold-out sample: ours beside the baselines",
            ["kind", "n", "ours default", "ours calibrated", .. names])
        {
            Note = "Positives: recall at the possible band or the baseline's threshold. Negatives (neg-*): false alerts per 1,000 screenings.",
        };
        var sampleDefault = atDefault.Where(r => sampled.Contains(r.Query.Number)).ToList();
        var sampleCalibrated = calibrated.Where(r => sampled.Contains(r.Query.Number)).ToList();
        foreach (var kind in sampleDefault.Select(r => r.Query.Kind).Distinct())
        {
            string Cell(IEnumerable<QueryResult> results, Func<Ranked, bool> alerts)
            {
                var c = Metrics.Count(results.Where(r => r.Query.Kind == kind), alerts);
                return c.Positives > 0 ? Table.Ratio(c.Recall) : Table.Number(c.NegativeAlertsPer1000 ?? 0);
            }
            table.Row([kind, Table.Number(sampleDefault.Count(r => r.Query.Kind == kind)),
                Cell(sampleDefault, r => r.Band >= Band.Possible), Cell(sampleCalibrated, r => r.Band >= Band.Possible),
                .. names.Select(n => Cell(baselines[n].Results, r => r.Score >= baselines[n].Threshold))]);
        }
        return table;
    }

    private static Table FalseAlertTable(List<QueryResult> atDefault, List<QueryResult> calibrated)
    {
        var table = new Table("Where the false alerts come from, hold-out (possible band)", "model", "false alerts", "on negatives",
            "beside the true entry", "instead of the true entry")
        {
            Note = "Beside: a positive query alerted its entry and also another one (OFAC lists relatives and namesakes); instead: it missed its entry and alerted another.",
        };
        foreach (var (name, results) in new[] { ("default", atDefault), ("calibrated", calibrated) })
        {
            var c = Metrics.Count(results, r => r.Band >= Band.Possible);
            table.Row(name, Table.Number(c.FalsePositives), Table.Number(c.NegativeAlerts), Table.Number(c.FalseBesideTrue), Table.Number(c.FalseInsteadOfTrue));
        }
        return table;
    }

    private static Table GoalTable(Counts atDefault, Counts calibrated, List<Row> baselines)
    {
        var bestBaseline = baselines.MaxBy(b => b.Counts.F1 ?? 0)!;
        static string Met(bool met) => met ? "met" : "NOT met";
        return new Table("Goal: F1 ≥ 0.95 with recall ≥ 0.97 at the default threshold, clearly ahead of both baselines (hold-out)", "check", "figure", "result")
            .Row("F1 at the default possible threshold", Table.Ratio(atDefault.F1), Met(atDefault.F1 >= GoalF1))
            .Row("recall at the default possible threshold", Table.Ratio(atDefault.Recall), Met(atDefault.Recall >= GoalRecall))
            .Row("F1 with the calibrated model", Table.Ratio(calibrated.F1), Met(calibrated.F1 >= GoalF1))
            .Row("recall with the calibrated model", Table.Ratio(calibrated.Recall), Met(calibrated.Recall >= GoalRecall))
            .Row($"best baseline F1 ({bestBaseline.System}, sample)", Table.Ratio(bestBaseline.Counts.F1),
                Met(atDefault.F1 > bestBaseline.Counts.F1 && calibrated.F1 > bestBaseline.Counts.F1) + " (ours ahead)");
    }

    /// <summary>Misses at the default model, hold-out: the first two of each kind, for the kinds that miss most, and false alerts on negatives.</summary>
    private static string Examples(List<QueryResult> atDefault)
    {
        var text = new StringBuilder();
        text.AppendLine("Example misses, hold-out, default model (first two of the kinds that miss most)").AppendLine();
        var misses = atDefault.Where(r => r.Query.IsPositive && !r.Ranking.Take(Metrics.Shown).Any(x => x.Id == r.Query.Expected && x.Band >= Band.Possible)).ToList();
        foreach (var kind in misses.GroupBy(r => r.Query.Kind).OrderByDescending(g => g.Count()).Take(6))
        {
            foreach (var miss in kind.Take(2))
            {
                var q = miss.Query;
                text.Append(Invariant($"- [{q.Kind}] query `{q.Display}` → expected `{q.List.Labels[q.Expected!.Value]}`"));
                var expected = miss.Explained.FirstOrDefault(m => m.Id == q.Expected);
                text.AppendLine(expected is null
                    ? $": not among the {Engine.CandidateDepth} candidates."
                    : Invariant($": scored {expected.Score:0.0000} ({expected.Band}), {expected.Explanation.WeightBits} bits; {expected.Explanation.Summary()}."));
                if (miss.Explained.Count > 0 && miss.Explained[0] is var top && top.Id != q.Expected)
                    text.AppendLine(Invariant($"  returned first `{q.List.Labels[top.Id]}` {top.Score:0.0000} ({top.Band}); {top.Explanation.Summary()}."));
            }
        }
        text.AppendLine().AppendLine("Example false alerts beside the true entry, hold-out, default model").AppendLine();
        var beside = atDefault.Where(r => r.Query.IsPositive && r.Ranking.Take(Metrics.Shown).Count(x => x.Band >= Band.Possible) > 1
            && r.Ranking.Take(Metrics.Shown).Any(x => x.Id == r.Query.Expected && x.Band >= Band.Possible));
        foreach (var result in beside.Where((_, i) => i % 500 == 0).Take(6))
        {
            var other = result.Explained.First(m => m.Id != result.Query.Expected && m.Band >= Band.Possible);
            text.AppendLine(Invariant($"- [{result.Query.Kind}] query `{result.Query.Display}` → expected `{result.Query.List.Labels[result.Query.Expected!.Value]}`, also `{result.Query.List.Labels[other.Id]}` {other.Score:0.0000} ({other.Band}); {other.Explanation.Summary()}."));
        }
        text.AppendLine().AppendLine("Example false alerts on negatives, hold-out, default model").AppendLine();
        var falseAlerts = atDefault.Where(r => !r.Query.IsPositive && r.Ranking.Take(Metrics.Shown).Any(x => x.Band >= Band.Possible)).ToList();
        foreach (var kind in falseAlerts.GroupBy(r => r.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var alert in kind.Take(3))
            {
                var top = alert.Explained[0];
                text.AppendLine(Invariant($"- [{alert.Query.Kind}] query `{alert.Query.Display}` → `{alert.Query.List.Labels[top.Id]}` {top.Score:0.0000} ({top.Band}); {top.Explanation.Summary()}."));
            }
        }
        return text.ToString();
    }

    private static string Markdown(DevSet set, List<Table> tables, string examples, Options options, int sample, int calibrationSample, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("### Results").AppendLine();
        text.AppendLine(Invariant($"Run {DateTime.UtcNow:yyyy-MM-dd} with seed {options.Seed}, {set.Queries.Count:N0} queries, baselines on a sample of {sample:N0} hold-out and {calibrationSample:N0} calibration queries; {elapsed.TotalMinutes:0.0} minutes on {Machine()}."));
        text.AppendLine();
        foreach (var table in tables)
            text.AppendLine(table.ToMarkdown());
        text.AppendLine("#### Examples").AppendLine();
        text.AppendLine(examples.Replace("Example", "##### Example", StringComparison.Ordinal));
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

using System.Globalization;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// The band thresholds and the gap, set on the calibration part only, on the model's evidence in bits (a band is a
/// threshold on logistic(bits + prior), so the decisions do not depend on the prior): possible is the highest threshold
/// at which recall over the positive kinds of the goal and every such kind's recall keep a margin over the goal; strong
/// the lowest at which the strong band's precision does; the gap (a candidate that many bits weaker than the best is
/// not shown) the one with the fewest false alerts at its possible threshold.
/// </summary>
internal static class Calibration
{
    public const double GoalRecall = 0.98;
    public const double GoalKindRecall = 0.95;
    public const double GoalStrongPrecision = 0.995;
    // Set with a margin over the goals, so that the hold-out part, read once, keeps them.
    private const double CalibrationRecall = 0.982;
    private const double CalibrationStrongPrecision = 0.996;
    /// <summary>Half the 0.1-bit rounding step of <c>Explanation.WeightBits</c>.</summary>
    private const double HalfStep = 0.05;
    private static readonly double?[] GapGrid = [null, 8, 6, 5, 4, 3, 2];

    public sealed record Result(double PossibleBits, double StrongBits, double? Gap, List<Table> Tables);

    /// <summary>The "bits ≥" a score threshold stands for (the inverse of <see cref="ScoreOf"/>): logit(score) − prior, on the 0.1-bit grid.</summary>
    public static double BitsOf(double score, ScoringModel model) => Math.Round(Math.Log2(score / (1 - score)) - model.PriorBits + HalfStep, 1);

    /// <summary>The score threshold that keeps every result of at least <paramref name="bits"/> (as rounded in the explanation).</summary>
    public static double ScoreOf(double bits, ScoringModel model) => 1.0 / (1.0 + Math.Pow(2, -(bits - HalfStep + model.PriorBits)));

    public static Result Thresholds(IReadOnlyList<QueryResult> uncut, ScoringModel model)
    {
        var grid = new Table("Calibration part: gap and possible threshold (candidates this many bits weaker than the best are not shown)",
            "MaxGapBits", "possible: bits ≥", "recall", "lowest kind recall", "false alerts/1k unlisted", "false alerts beside the true entry");
        var byGap = new List<(double? Gap, double Bits, int FalseAlerts)>();
        foreach (var gap in GapGrid)
        {
            var results = Engine.WithGap(uncut, gap);
            var bits = PossibleBits(results);
            var counts = Metrics.Count(results, r => r.Bits >= bits - HalfStep);
            var (recall, lowest, kind) = Recall(results, bits);
            byGap.Add((gap, bits, counts.FalsePositives));
            grid.Row(gap is { } g ? Table.Number(g, "0") : "none", Table.Number(bits), Table.Ratio(recall), $"{Table.Ratio(lowest)} ({kind})",
                Table.Number(counts.NegativeAlertsPer1000 ?? 0), Table.Number(counts.FalseBesideTrue));
        }
        var chosen = byGap.MinBy(b => b.FalseAlerts);
        grid.Note = Invariant($"Chosen: MaxGapBits = {(chosen.Gap is { } c ? c.ToString("0", CultureInfo.InvariantCulture) : "none")}, possible from {chosen.Bits:0.0} bits: the fewest false alerts with recall ≥ {CalibrationRecall} over the goal's kinds.");

        var cut = Engine.WithGap(uncut, chosen.Gap);
        var curve = new Table("Calibration part: what each threshold gives (chosen gap)", "possible: bits ≥", "recall", "lowest kind recall",
            "false alerts/1k unlisted", "organizations: recall", "organizations: false alerts/1k");
        var organizations = cut.Where(r => r.Query.IsOrganization).ToList();
        foreach (var bits in Enumerable.Range(0, 13).Select(i => 1.0 + i))
        {
            var (recall, lowest, kind) = Recall(cut, bits);
            var companies = Metrics.Count(organizations, r => r.Bits >= bits - HalfStep);
            curve.Row(Table.Number(bits), Table.Ratio(recall), $"{Table.Ratio(lowest)} ({kind})",
                Table.Number(Metrics.Count(cut, r => r.Bits >= bits - HalfStep).NegativeAlertsPer1000 ?? 0),
                Table.Ratio(companies.Recall), Table.Number(companies.NegativeAlertsPer1000 ?? 0));
        }
        var strong = Metrics.ForPrecision(Metrics.Sweep(cut, r => r.Bits), CalibrationStrongPrecision);
        var thresholds = new Table("Calibration part: band thresholds", "band", "bits ≥", "score ≥", "precision", "recall")
            .Row("possible", Table.Number(chosen.Bits), Round(ScoreOf(chosen.Bits, model)), Table.Ratio(Metrics.Count(cut, r => r.Bits >= chosen.Bits - HalfStep).Precision),
                Table.Ratio(Recall(cut, chosen.Bits).Recall))
            .Row("strong", Table.Number(strong.Threshold), Round(ScoreOf(strong.Threshold, model)), Table.Ratio(strong.Precision), Table.Ratio(Recall(cut, strong.Threshold).Recall));
        thresholds.Note = Invariant($"Strong: the most recall with precision ≥ {CalibrationStrongPrecision} (goal {GoalStrongPrecision}). Scores are logistic(bits + prior), prior {model.PriorBits} bits.");
        return new Result(chosen.Bits, strong.Threshold, chosen.Gap, [grid, curve, thresholds]);
    }

    /// <summary>
    /// The highest threshold in bits at which recall over the goal's positive kinds keeps the calibration margin. Each
    /// kind's own recall is reported, not chased: the weakest kinds (a name given without its date, an unknown nickname)
    /// are the namesakes' and relatives' look-alikes, and a threshold low enough for them alerts on those by the hundred.
    /// </summary>
    private static double PossibleBits(IReadOnlyList<QueryResult> results)
    {
        var found = ExpectedBits(results);
        foreach (var bits in found.SelectMany(k => k.Value).Where(b => !double.IsNegativeInfinity(b)).Distinct().OrderDescending())
        {
            if (Recall(found, bits).Recall >= CalibrationRecall)
                return bits;
        }
        return found.SelectMany(k => k.Value).Where(b => !double.IsNegativeInfinity(b)).DefaultIfEmpty(0).Min();
    }

    /// <summary>Recall at <paramref name="bits"/> over the goal's positive kinds, and the lowest kind's.</summary>
    public static (double Recall, double Lowest, string Kind) Recall(IReadOnlyList<QueryResult> results, double bits) => Recall(ExpectedBits(results), bits);

    private static (double Recall, double Lowest, string Kind) Recall(Dictionary<string, List<double>> found, double bits)
    {
        var total = found.Sum(k => k.Value.Count);
        var hits = found.Sum(k => k.Value.Count(b => b >= bits - HalfStep));
        var (kind, lowest) = found.Select(k => (k.Key, (double)k.Value.Count(b => b >= bits - HalfStep) / k.Value.Count)).MinBy(k => k.Item2);
        return (total == 0 ? 0 : (double)hits / total, lowest, kind);
    }

    /// <summary>Per positive kind of the goal, each query's bits on its own entry where the officer is shown it (−∞ where not).</summary>
    private static Dictionary<string, List<double>> ExpectedBits(IReadOnlyList<QueryResult> results) =>
        results.Where(r => r.Query.IsPositive && !Kinds.IsOutsideGoal(r.Query.Kind))
            .GroupBy(r => r.Query.Kind)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Ranking.Take(Metrics.Shown).Where(x => x.Id == r.Query.Expected).Select(x => x.Bits)
                .DefaultIfEmpty(double.NegativeInfinity).First()).ToList());

    /// <summary>
    /// Whether the node's model is the one the calibration part recommends: the thresholds and the gap exactly, each
    /// learned weight within its standard error (refitting on pairs the refitted model ranks moves a weight about that much).
    /// </summary>
    public static Table Agreement(ScoringModel model, double? gap, Result calibrated, List<WeightLearner.Learned> learned)
    {
        var table = new Table($"The node's model ({model.Version}) beside what the calibration part recommends", "parameter", "node", "calibration", "agrees");
        void Compare(string name, double node, double recommended, bool agrees, string format = "0.0") =>
            table.Row(name, Table.Number(node, format), Table.Number(recommended, format), agrees ? "yes" : "NO");
        Compare("possible: bits ≥", BitsOf(model.PossibleThreshold, model), calibrated.PossibleBits, Math.Abs(BitsOf(model.PossibleThreshold, model) - calibrated.PossibleBits) <= 0.05);
        Compare("strong: bits ≥", BitsOf(model.StrongThreshold, model), calibrated.StrongBits, Math.Abs(BitsOf(model.StrongThreshold, model) - calibrated.StrongBits) <= 0.05);
        Compare("MaxGapBits", gap ?? double.PositiveInfinity, calibrated.Gap ?? double.PositiveInfinity, gap == calibrated.Gap);
        foreach (var l in learned)
            Compare(l.Name, l.Current, l.Fitted, l.Agrees, l.Precision < 0.1 ? "0.00" : "0.0");
        table.Note = Invariant($"To take the recommendation: PossibleThreshold = {Round(ScoreOf(calibrated.PossibleBits, model))}, StrongThreshold = {Round(ScoreOf(calibrated.StrongBits, model))}, and each learned weight in ScoringModel.");
        return table;
    }

    /// <summary>A threshold floored to enough decimals to tell it from 0 and 1: 0.4827, 0.9999997615, 0.000061.</summary>
    public static string Round(double threshold)
    {
        var digits = Math.Clamp((int)Math.Ceiling(Math.Max(-Math.Log10(1 - threshold), -Math.Log10(threshold))) + 3, 4, 12);
        var scale = Math.Pow(10, digits);
        return (Math.Floor(threshold * scale) / scale).ToString("0.0###########", CultureInfo.InvariantCulture);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

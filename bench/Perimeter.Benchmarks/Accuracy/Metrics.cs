namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// Decisions over (query, entry) pairs. A system alerts on an entry when the entry is among the results an officer is
/// shown (the top <see cref="Shown"/>, as the node returns by default) and passes the rule (a band, or a score
/// threshold). True positive: an alert on the query's expected entry. False positive: any other alert. False
/// negative: a positive query whose expected entry got no alert.
/// </summary>
internal static class Metrics
{
    /// <summary>Results the officer sees per screening: the node's default <c>Top</c>.</summary>
    public static readonly int Shown = Perimeter.Matching.Screening.ScreeningOptions.Default.Top;

    public static Counts Count(IEnumerable<QueryResult> results, Func<Ranked, bool> alerts, int? depth = null)
    {
        var top = depth ?? Shown;
        var counts = new Counts();
        foreach (var result in results)
        {
            var query = result.Query;
            var shown = result.Ranking.Take(top).Where(alerts).ToList();
            var hit = query.Expected is { } expected && shown.Any(r => r.Id == expected);
            counts.Queries++;
            if (query.IsPositive)
            {
                counts.Positives++;
                if (hit)
                {
                    counts.TruePositives++;
                    counts.FalseBesideTrue += shown.Count - 1;
                }
            }
            else
            {
                counts.Negatives++;
                counts.NegativeAlerts += shown.Count;
            }
            counts.FalsePositives += shown.Count - (hit ? 1 : 0);
        }
        return counts;
    }

    /// <summary>Every threshold that changes a decision, highest first, with what it gives: the top <see cref="Shown"/> of each query at or above it.</summary>
    public static List<SweepPoint> Sweep(IReadOnlyList<QueryResult> results, Func<Ranked, double> value)
    {
        var items = new List<(double Value, bool True)>();
        var positives = 0;
        foreach (var result in results)
        {
            if (result.Query.IsPositive)
                positives++;
            foreach (var ranked in result.Ranking.Take(Shown))
                items.Add((value(ranked), ranked.Id == result.Query.Expected));
        }
        items.Sort((a, b) => b.Value.CompareTo(a.Value));
        var points = new List<SweepPoint>();
        int tp = 0, fp = 0;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].True)
                tp++;
            else
                fp++;
            if (i + 1 == items.Count || items[i + 1].Value < items[i].Value)
                points.Add(new SweepPoint(items[i].Value, tp, fp, positives));
        }
        return points;
    }

    /// <summary>The threshold with the most recall at precision <paramref name="minimumPrecision"/> or better; the most precise when none reaches it.</summary>
    public static SweepPoint ForPrecision(List<SweepPoint> points, double minimumPrecision) =>
        points.Where(p => p.Precision >= minimumPrecision).OrderByDescending(p => p.Recall).ThenByDescending(p => p.Threshold).FirstOrDefault()
            ?? points.OrderByDescending(p => p.Precision).ThenByDescending(p => p.Recall).First();

    public static SweepPoint BestF1(List<SweepPoint> points) =>
        points.OrderByDescending(p => p.F1).ThenByDescending(p => p.Threshold).First();

}

/// <summary>One threshold of a sweep: at or above it, this many true and false alerts.</summary>
internal sealed record SweepPoint(double Threshold, int TruePositives, int FalsePositives, int Positives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => Positives == 0 ? 0 : (double)TruePositives / Positives;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Decision counts over a set of queries, and the figures made from them.</summary>
internal sealed class Counts
{
    public int Queries { get; set; }
    public int Positives { get; set; }
    public int Negatives { get; set; }
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int NegativeAlerts { get; set; }
    /// <summary>False alerts of positive queries whose expected entry was alerted too: another entry shown beside it.</summary>
    public int FalseBesideTrue { get; set; }

    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);
    public double? Recall => Positives == 0 ? null : (double)TruePositives / Positives;
    public double? F1 => Precision is { } p && Recall is { } r ? (p + r == 0 ? 0 : 2 * p * r / (p + r)) : null;

    /// <summary>
    /// F1 as if as many people not listed were screened as listed ones: false alerts on negatives are scaled by
    /// positives/negatives, so the figure does not flatter a set that is mostly positives (or mostly negatives).
    /// </summary>
    public double? EvenF1
    {
        get
        {
            if (Positives == 0 || Negatives == 0)
                return F1;
            var falseOnPositives = FalsePositives - NegativeAlerts;
            var falseAlerts = falseOnPositives + NegativeAlerts * (double)Positives / Negatives;
            var precision = TruePositives + falseAlerts == 0 ? 1 : TruePositives / (TruePositives + falseAlerts);
            var recall = (double)TruePositives / Positives;
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
    }
    public double? NegativeAlertsPer1000 => Negatives == 0 ? null : 1000.0 * NegativeAlerts / Negatives;
}

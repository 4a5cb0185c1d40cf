using System.Text;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>The tables of the accuracy report: the set, each kind on its own, what an officer lives with, the goal.</summary>
internal static class Reports
{
    // The targets for false alerts per 1,000 people who are not listed, by kind.
    private static readonly (string Kind, double Target)[] FalseAlertTargets =
    [
        (Kinds.CommonName, 10), (Kinds.Namesake, 20), (Kinds.NamesakeDob, 20), (Kinds.Relative, 50), (Kinds.OtherSex, 20),
        (Kinds.CommonOrganization, 10),
    ];
    private const double GoalEvenF1 = 0.97;
    private const int ExamplesPerKind = 12;

    private static bool Possible(Ranked r) => r.Band >= Band.Possible;

    private static bool Strong(Ranked r) => r.Band == Band.Strong;

    public static Table DevSetTable(DevSet set)
    {
        var table = new Table("Development set", "part", "list", "entries (persons, organizations)", "queries", "positives", "negatives", "with DOB", "Hispanic")
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
                var organizations = list.Entries.Count(e => e.Subject.Kind == SubjectKind.Organization);
                table.Row(part.ToString(), list.Name, Invariant($"{list.Entries.Count:N0} ({persons:N0}, {organizations:N0})"), Table.Number(queries.Count),
                    Table.Number(queries.Count(q => q.IsPositive)), Table.Number(queries.Count(q => !q.IsPositive)),
                    Table.Number(queries.Count(q => q.HasDob)), Table.Number(queries.Count(q => q.Hispanic)));
            }
        }
        return table;
    }

    public static Table KindTable(DevSet set)
    {
        var table = new Table("Queries by kind", "kind", "calibration", "hold-out", "example (calibration)");
        foreach (var group in set.Queries.GroupBy(q => q.Kind).OrderBy(g => g.First().IsPositive ? 0 : 1).ThenBy(g => g.First().Number))
        {
            var example = group.FirstOrDefault(q => q.Part == Part.Calibration);
            var expected = example?.Expected is { } id ? $" → {example.List.Labels[id]}" : "";
            table.Row(group.Key, Table.Number(group.Count(q => q.Part == Part.Calibration)), Table.Number(group.Count(q => q.Part == Part.HoldOut)),
                example is null ? "" : $"{example.Display}{expected}");
        }
        return table;
    }

    /// <summary>Each kind on its own: recall for positives, false alerts per 1,000 screenings for negatives; with and without a date of birth.</summary>
    public static Table PerKind(string title, IReadOnlyList<QueryResult> results)
    {
        var table = new Table(title, "kind", "queries", "with DOB", "recall / false alerts per 1k", "with DOB", "without DOB", "strong band only", "target")
        {
            Note = "Positives: recall (the listed entry alerted among the first five). Negatives (neg-*): false alerts per 1,000 people screened who are not listed. Kinds marked † are outside the goal.",
        };
        foreach (var group in results.GroupBy(r => r.Query.Kind).OrderBy(g => g.First().Query.IsPositive ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var all = group.ToList();
            var positive = all[0].Query.IsPositive;
            string Figure(IEnumerable<QueryResult> subset, Func<Ranked, bool> rule)
            {
                var c = Metrics.Count(subset, rule);
                return c.Queries == 0 ? "—" : positive ? Table.Ratio(c.Recall) : Table.Number(c.NegativeAlertsPer1000 ?? 0);
            }
            var target = positive
                ? (Kinds.IsOutsideGoal(group.Key) ? "†" : Invariant($"≥ {Calibration.GoalKindRecall:0.00}"))
                : FalseAlertTargets.Where(t => t.Kind == group.Key).Select(t => Invariant($"≤ {t.Target:0}")).FirstOrDefault("");
            table.Row(group.Key, Table.Number(all.Count), Table.Number(all.Count(r => r.Query.HasDob)), Figure(all, Possible),
                Figure(all.Where(r => r.Query.HasDob), Possible), Figure(all.Where(r => !r.Query.HasDob), Possible), Figure(all, Strong), target);
        }
        return table;
    }

    /// <summary>The figures an officer lives with over the whole part, and the usual ones beside them.</summary>
    public static Table Summary(string title, IReadOnlyList<QueryResult> results)
    {
        var goal = results.Where(r => !Kinds.IsOutsideGoal(r.Query.Kind)).ToList();
        var possible = Metrics.Count(goal, Possible);
        var strong = Metrics.Count(goal, Strong);
        var persons = Metrics.Count(goal.Where(r => !r.Query.IsOrganization), Possible);
        var organizations = Metrics.Count(goal.Where(r => r.Query.IsOrganization), Possible);
        return new Table(title, "figure", "possible band", "strong band")
            .Row("recall over the goal's positive kinds", Table.Ratio(possible.Recall), Table.Ratio(strong.Recall))
            .Row("false alerts per 1,000 people not listed", Table.Number(possible.NegativeAlertsPer1000 ?? 0), Table.Number(strong.NegativeAlertsPer1000 ?? 0))
            .Row("  of them persons / organizations", $"{Table.Number(persons.NegativeAlertsPer1000 ?? 0)} / {Table.Number(organizations.NegativeAlertsPer1000 ?? 0)}", "")
            .Row("false alerts beside the listed entry, per 1,000 listed screened", Table.Number(1000.0 * possible.FalseBesideTrue / Math.Max(1, possible.Positives)),
                Table.Number(1000.0 * strong.FalseBesideTrue / Math.Max(1, strong.Positives)))
            .Row("precision (on this mix)", Table.Ratio(possible.Precision), Table.Ratio(strong.Precision))
            .Row("F1 on an even mix of listed and unlisted", Table.Ratio(possible.EvenF1), Table.Ratio(strong.EvenF1))
            .Row("queries (positives / negatives)", Invariant($"{possible.Positives:N0} / {possible.Negatives:N0}"), "");
    }

    public static Table Slices(IReadOnlyList<QueryResult> results)
    {
        var table = new Table("Hold-out by slice (possible band)", "slice", "queries", "recall", "false alerts/1k unlisted", "F1 even mix");
        (string, Func<DevQuery, bool>)[] slices =
        [
            ("Hispanic names", q => q.Hispanic && !Kinds.IsOutsideGoal(q.Kind)),
            ("other names (OFAC persons)", q => !q.Hispanic && q.List.Name == "ofac" && !q.IsOrganization && !Kinds.IsOutsideGoal(q.Kind)),
            ("organizations", q => q.IsOrganization),
            ("with DOB", q => q.HasDob && !Kinds.IsOutsideGoal(q.Kind)),
            ("without DOB", q => !q.HasDob && !q.IsOrganization && !Kinds.IsOutsideGoal(q.Kind)),
            ("FEBRL (Anglo-Australian, outside the goal)", q => q.List.Name == "febrl"),
        ];
        foreach (var (name, filter) in slices)
        {
            var c = Metrics.Count(results.Where(r => filter(r.Query)), Possible);
            table.Row(name, Table.Number(c.Queries), Table.Ratio(c.Recall), c.NegativeAlertsPer1000 is { } n ? Table.Number(n) : "—", Table.Ratio(c.EvenF1));
        }
        return table;
    }

    /// <summary>Our engine and the baselines on the same sample, kind by kind, each baseline at the threshold its calibration sample chose.</summary>
    public static Table Beside(List<QueryResult> ours, List<(string Name, List<QueryResult> Results, double Threshold)> baselines, int calibrationSample)
    {
        var table = new Table($"Hold-out sample ({ours.Count:N0} queries): our engine beside the baselines, same queries, same run",
            ["kind", "n", "Perimeter (possible)", .. baselines.Select(b => Invariant($"{b.Name} (≥ {b.Threshold:0.000})"))])
        {
            Note = Invariant($"Positives: recall; negatives (neg-*): false alerts per 1,000. Each baseline's threshold gives its best F1 on a calibration sample of {calibrationSample:N0} queries. Baselines compare names only; ours weighs dates of birth and sex too. Kinds marked † are outside the goal and the last row."),
        };
        string Cell(IEnumerable<QueryResult> results, string? kind, Func<Ranked, bool> rule)
        {
            var c = Metrics.Count(results.Where(r => kind is null ? !Kinds.IsOutsideGoal(r.Query.Kind) : r.Query.Kind == kind), rule);
            return kind is null ? $"F1 even {Table.Ratio(c.EvenF1)}, R {Table.Ratio(c.Recall)}, FA/1k {Table.Number(c.NegativeAlertsPer1000 ?? 0)}"
                : c.Positives > 0 ? Table.Ratio(c.Recall) : Table.Number(c.NegativeAlertsPer1000 ?? 0);
        }
        foreach (var kind in ours.Select(r => r.Query.Kind).Distinct().Order(StringComparer.Ordinal))
        {
            table.Row([Kinds.IsOutsideGoal(kind) ? $"{kind} †" : kind, Table.Number(ours.Count(r => r.Query.Kind == kind)), Cell(ours, kind, Possible),
                .. baselines.Select(b => Cell(b.Results, kind, r => r.Score >= b.Threshold))]);
        }
        table.Row(["all (goal kinds)", Table.Number(ours.Count(r => !Kinds.IsOutsideGoal(r.Query.Kind))), Cell(ours, null, Possible), .. baselines.Select(b => Cell(b.Results, null, r => r.Score >= b.Threshold))]);
        return table;
    }

    /// <summary>The targets, each with its figure on <paramref name="part"/>.</summary>
    public static Table Goals(string part, IReadOnlyList<QueryResult> results, List<(string Name, List<QueryResult> Results, double Threshold)> baselines)
    {
        var table = new Table($"Goal, {part}, at the node's default thresholds", "check", "figure", "target", "result");
        static string Met(bool met) => met ? "met" : "NOT met";
        var goal = results.Where(r => !Kinds.IsOutsideGoal(r.Query.Kind)).ToList();
        var possible = Metrics.Count(goal, Possible);
        var strong = Metrics.Count(goal, Strong);
        table.Row("recall over the positive kinds", Table.Ratio(possible.Recall), Invariant($"≥ {Calibration.GoalRecall:0.00}"), Met(possible.Recall >= Calibration.GoalRecall));
        var (kind, lowest) = goal.Where(r => r.Query.IsPositive).GroupBy(r => r.Query.Kind)
            .Select(g => (g.Key, Metrics.Count(g, Possible).Recall ?? 0)).MinBy(k => k.Item2);
        table.Row($"lowest positive kind ({kind})", Table.Ratio(lowest), Invariant($"≥ {Calibration.GoalKindRecall:0.00}"), Met(lowest >= Calibration.GoalKindRecall));
        foreach (var (negative, target) in FalseAlertTargets)
        {
            var c = Metrics.Count(goal.Where(r => r.Query.Kind == negative), Possible);
            table.Row($"false alerts per 1,000: {negative}", Table.Number(c.NegativeAlertsPer1000 ?? 0), Invariant($"≤ {target:0}"), Met(c.NegativeAlertsPer1000 <= target));
        }
        table.Row("strong band precision", Table.Ratio(strong.Precision), Invariant($"≥ {Calibration.GoalStrongPrecision:0.000}"), Met(strong.Precision >= Calibration.GoalStrongPrecision));
        table.Row("F1 on an even mix of listed and unlisted", Table.Ratio(possible.EvenF1), Invariant($"≥ {GoalEvenF1:0.00}"), Met(possible.EvenF1 >= GoalEvenF1));
        foreach (var (name, baselineResults, threshold) in baselines)
        {
            var c = Metrics.Count(baselineResults.Where(r => !Kinds.IsOutsideGoal(r.Query.Kind)), r => r.Score >= threshold);
            table.Row($"beside: {name}, F1 on an even mix (sample)", Table.Ratio(c.EvenF1), "below ours", Met(c.EvenF1 < possible.EvenF1));
        }
        return table;
    }

    /// <summary>Misses of the kinds that miss most, and false alerts of each negative kind, with the officer's explanation.</summary>
    public static string Examples(IReadOnlyList<QueryResult> results, string part)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Example misses, {part} part (up to {ExamplesPerKind} of each kind that misses most)")).AppendLine();
        var misses = results.Where(r => r.Query.IsPositive && !r.Ranking.Take(Metrics.Shown).Any(x => x.Id == r.Query.Expected && Possible(x))).ToList();
        foreach (var kind in misses.GroupBy(r => r.Query.Kind).OrderByDescending(g => g.Count()).Take(8))
        {
            foreach (var miss in kind.Take(ExamplesPerKind))
            {
                var q = miss.Query;
                text.Append(Invariant($"- [{q.Kind}] `{q.Display}` → expected `{q.List.Labels[q.Expected!.Value]}`"));
                var expected = miss.Explained.FirstOrDefault(m => m.Id == q.Expected);
                text.AppendLine(expected is null
                    ? $": not among the {Engine.CandidateDepth} candidates."
                    : Invariant($": {expected.Score:0.0000} ({expected.Band}), {expected.Explanation.WeightBits} bits; {expected.Explanation.Summary()}."));
            }
        }
        text.AppendLine().AppendLine(Invariant($"Example false alerts on people not listed, {part} part (up to {ExamplesPerKind} of each kind)")).AppendLine();
        foreach (var kind in results.Where(r => !r.Query.IsPositive && r.Ranking.Take(Metrics.Shown).Any(Possible))
            .GroupBy(r => r.Query.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var alert in kind.Take(ExamplesPerKind))
            {
                var top = alert.Explained[0];
                text.AppendLine(Invariant($"- [{alert.Query.Kind}] `{alert.Query.Display}` → `{alert.Query.List.Labels[top.Id]}` {top.Score:0.0000} ({top.Band}); {top.Explanation.Summary()}."));
            }
        }
        return text.ToString();
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

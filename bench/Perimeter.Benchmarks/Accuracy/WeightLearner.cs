using System.Globalization;
using Perimeter.Matching.Names;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// Learns the model's weights on the calibration part. Each piece of evidence against is first counted on its own, as
/// Fellegi–Sunter does (log2 m/u among the pairs where it can arise and decides the alert), to show what it says alone.
/// The model's weights are then fitted together, by maximum likelihood of the same additive model the engine scores
/// with (logistic in the sum of weights): the prior, a scale on the name's own evidence, each contradiction and each
/// date-of-birth and sex level. Fitted together because they are not independent: a sister's name comes with her
/// brother's surnames, and a namesake's rare given name with his father's surname, so each contradiction must count
/// for as much as the rest of the name that comes with it. Each weight has a Gaussian prior (0 bits, σ 12 bits), so a
/// level no true pair shows is strong evidence, not infinite.
/// </summary>
internal static class WeightLearner
{
    /// <summary>Spread of each weight's prior: a level the data cannot bound stays within a few σ of nothing.</summary>
    private const double PriorSigmaBits = 12;

    /// <summary>A piece of evidence: how to find it in an explanation, its weight in the node's model, and (for evidence against) where it can arise.</summary>
    private sealed record Evidence(string Name, Func<ScoringModel, double> Current, Func<Match, bool> Shows, Func<Pair, bool> Applies, bool IsNameAdjustment = false)
    {
        /// <summary>What the evidence took from this pair's weight, so the weight without it is known.</summary>
        public double Taken(Match match, ScoringModel model) => Shows(match) ? Current(model) : 0;
    }

    /// <summary>One scored (query, entry) pair of the calibration part, with what both sides give.</summary>
    private sealed record Pair(DevQuery Query, Match Match, bool IsTrue, EntrySides Listed, ParsedName QueryName);

    /// <summary>What a listed entry gives: given names, surnames, a second surname, a date of birth.</summary>
    private sealed record EntrySides(bool HasGiven, bool HasSurname, bool HasSecondSurname, bool HasDob);

    /// <summary>
    /// A weight as learned: counted alone (m, u) where it is evidence against, fitted with the others with its standard
    /// error (none for a weight the fit holds at zero or at its neighbour's), and as the node has it.
    /// </summary>
    public sealed record Learned(string Name, double? AloneBits, double? M, double? U, double Fitted, double? StandardError, double Current)
    {
        /// <summary>Whether the node's weight is the fitted one, within its standard error (at least 0.1 bits, the precision it is written with).</summary>
        public bool Agrees => Math.Abs(Current - Fitted) <= Math.Max(Precision, StandardError ?? 0);

        /// <summary>How finely a weight is written: tenths of a bit, hundredths of a scale.</summary>
        public double Precision => Name.Contains("scale", StringComparison.Ordinal) ? 0.02 : 0.1;
    }

    private static readonly Evidence[] Against =
    [
        new("another second surname", m => m.OtherSurnameConflictBits,
            x => x.Explanation.Features.Any(f => f.Outcome is ExplanationPhrases.OtherMaternalSurname or ExplanationPhrases.OtherSurname),
            p => p.QueryName.Surnames.Count(s => !s.Has(PartFlags.Initial)) >= 2 && p.Listed.HasSecondSurname, IsNameAdjustment: true),
        new("given names all differ", m => m.GivenNamesConflictBits,
            x => x.Explanation.Features.Any(f => f.Outcome is "given names all differ" or ExplanationPhrases.Relative),
            p => p.QueryName.Given.Any(g => !g.Has(PartFlags.Initial)) && p.Listed.HasGiven, IsNameAdjustment: true),
        new("surnames all differ", m => m.SurnamesConflictBits,
            x => x.Explanation.Features.Any(f => f.Outcome == "surnames all differ"),
            p => p.QueryName.Surnames.Count > 0 && p.Listed.HasSurname, IsNameAdjustment: true),
        new("a given name in the other sex's form", m => m.OtherSexNameBits,
            x => x.Explanation.Features.Any(f => f.Outcome is ExplanationPhrases.WomansNameAgainstMans or ExplanationPhrases.MansNameAgainstWomans),
            p => p.QueryName.Given.Any(g => !g.Has(PartFlags.Initial)) && p.Listed.HasGiven, IsNameAdjustment: true),
        new("sex different", m => m.SexDifferentBits, x => Outcome(x, "sex") == "different", p => Outcome(p.Match, "sex") is not null),
        new("dob: different within a year", m => m.DobDifferentBits, x => DobLevel(x) == "different", HasDob),
        new("dob: 2-4 years apart", m => m.DobTwoToFourYearsBits, x => DobLevel(x) == "2-4", HasDob),
        new("dob: 5-9 years apart", m => m.DobFiveToNineYearsBits, x => DobLevel(x) == "5-9", HasDob),
        new("dob: 10 or more years apart", m => m.DobTenOrMoreYearsBits, x => DobLevel(x) == "10+", HasDob),
    ];

    /// <summary>The date levels years apart, nearest first: further apart never counts less against.</summary>
    private static readonly string[] YearsApartLevels = ["dob: 2-4 years apart", "dob: 5-9 years apart", "dob: 10 or more years apart"];

    /// <summary>The evidence for, fitted with the rest: the date-of-birth levels that agree.</summary>
    private static readonly Evidence[] For =
    [
        new("dob: exact", m => m.DobExactBits, x => DobLevel(x) == "exact", HasDob),
        new("dob: day and month swapped", m => m.DobSwappedBits, x => DobLevel(x) == "day and month swapped", HasDob),
        new("dob: same year and month", m => m.DobYearMonthBits, x => DobLevel(x) == "same year and month", HasDob),
        new("dob: same year", m => m.DobYearBits, x => DobLevel(x) == "same year", HasDob),
        new("dob: one digit differs", m => m.DobTypoBits, x => DobLevel(x) == "one digit differs", HasDob),
        new("dob: a year apart", m => m.DobYearApartBits, x => DobLevel(x) == "a year apart", HasDob),
    ];

    private static bool HasDob(Pair p) => p.Query.HasDob && p.Listed.HasDob;

    private static string? Outcome(Match match, string feature) => match.Explanation.Features.FirstOrDefault(f => f.Feature == feature)?.Outcome;

    /// <summary>The date-of-birth level a pair was scored at, the years-apart levels by their distance; null when either side has no date.</summary>
    private static string? DobLevel(Match match) =>
        match.Explanation.Features.FirstOrDefault(f => f.Feature == "dob") switch
        {
            null or { Outcome: "not listed" } => null,
            { Outcome: ExplanationPhrases.YearsApart, Arguments: [var years, ..] } => int.Parse(years, CultureInfo.InvariantCulture) switch
            {
                <= 4 => "2-4",
                <= 9 => "5-9",
                _ => "10+",
            },
            var f => f.Outcome,
        };

    /// <summary>
    /// The prior, the name's scale and every weight, fitted on the person pairs of <paramref name="calibration"/>
    /// (screened with <paramref name="model"/>); with the evidence against also counted alone.
    /// </summary>
    /// The prior and the name's scale come first.
    public static List<Learned> Learn(IReadOnlyList<QueryResult> calibration, ScoringModel model, double alertBits)
    {
        var pairs = Pairs(calibration, organizations: false);
        var alone = Against.ToDictionary(e => e.Name, e => Count(e, pairs, model, alertBits));
        Evidence[] fitted = [.. Against, .. For];
        var (theta, error) = FitWithinSigns(pairs, fitted, model);
        List<Learned> weights =
        [
            new("prior", null, null, null, Math.Round(theta[0], 1), error[0], model.PriorBits),
            new("scale on the name's own evidence", null, null, null, Math.Round(model.NameEvidenceScale * theta[1], 2),
                model.NameEvidenceScale * error[1], model.NameEvidenceScale),
            .. fitted.Select((e, k) =>
            {
                var counted = alone.GetValueOrDefault(e.Name);
                return new Learned(e.Name, counted?.Bits, counted?.M, counted?.U, Math.Round(theta[2 + k], 1), error[2 + k], e.Current(model));
            }),
        ];
        var (organizations, organizationError) = FitOrganizations(Pairs(calibration, organizations: true), model);
        var organizationScale = organizations[1];
        // The fit's costs are on the scaled words' evidence; the node writes them before the scale.
        weights.Add(new Learned("organization: scale on its words' evidence", null, null, null, Math.Round(organizationScale, 2), organizationError[1],
            model.OrganizationEvidenceScale));
        weights.Add(new Learned("organization: a distinctive word the listed name lacks", null, null, null,
            Math.Round(organizations[2] / organizationScale, 1), organizationError[2] / organizationScale, model.OrganizationUnmatchedWordBits));
        weights.Add(new Learned("organization: a distinctive listed word the query lacks", null, null, null,
            Math.Round(organizations[3] / organizationScale, 1), organizationError[3] / organizationScale, model.OrganizationMissingWordBits));
        weights.Add(new Learned("organization: another line of business", null, null, null, Math.Round(organizations[4], 1), organizationError[4],
            model.OrganizationOtherBusinessBits));
        return weights;
    }

    private sealed record Alone(double M, double U, double Bits);

    private static Alone Count(Evidence evidence, List<Pair> pairs, ScoringModel model, double alertBits)
    {
        int trueApplicable = 0, trueShowing = 0, falseApplicable = 0, falseShowing = 0;
        foreach (var pair in pairs)
        {
            if (!evidence.Applies(pair) || pair.Match.Explanation.WeightBits - evidence.Taken(pair.Match, model) < alertBits - 0.05)
                continue;
            var shows = evidence.Shows(pair.Match);
            if (pair.IsTrue)
            {
                trueApplicable++;
                trueShowing += shows ? 1 : 0;
            }
            else
            {
                falseApplicable++;
                falseShowing += shows ? 1 : 0;
            }
        }
        var m = (trueShowing + 0.5) / (trueApplicable + 1.0);
        var u = (falseShowing + 0.5) / (falseApplicable + 1.0);
        return new Alone(m, u, Math.Round(Math.Log2(m / u), 1));
    }

    /// <summary>
    /// The fit, kept explainable: evidence against never counts for and evidence for never against (a weight that
    /// would cross zero is held at zero), and dates further apart never count less against than nearer ones (two such
    /// weights out of order are held at their mean); the rest is fitted again around what is held, until nothing moves.
    /// θ = [prior, scale on the name's own evidence, one weight per evidence]; the name's evidence is the pair's weight
    /// without the fitted levels, as the node scored it, so the scale multiplies the node's current one.
    /// </summary>
    private static (double[] Theta, double?[] StandardError) FitWithinSigns(List<Pair> pairs, Evidence[] evidence, ScoringModel model)
    {
        var rows = pairs.Select(p =>
        {
            var x = new double[2 + evidence.Length];
            x[0] = 1;
            var name = p.Match.Explanation.WeightBits;
            for (var k = 0; k < evidence.Length; k++)
            {
                if (!evidence[k].Shows(p.Match))
                    continue;
                x[2 + k] = 1;
                name -= evidence[k].Current(model);
            }
            x[1] = name;
            return (X: x, Y: p.IsTrue ? 1.0 : 0.0, W: KindWeights(pairs)[p.Query.Kind]);
        }).ToList();
        double[] start = [model.PriorBits, 1, .. evidence.Select(e => e.Current(model))];
        var sign = new int[start.Length];
        for (var k = 0; k < evidence.Length; k++)
            sign[2 + k] = Against.Contains(evidence[k]) ? -1 : 1;
        var yearsApart = YearsApartLevels.Select(n => 2 + Array.FindIndex(evidence, e => e.Name == n)).ToArray();
        var held = new Dictionary<int, double>();
        var theta = FitHeld(rows, start, sign, penalizedFrom: 2, held, yearsApart);
        return (theta, StandardErrors(rows, theta, penalizedFrom: 2, held));
    }

    /// <summary>
    /// A company's name alone: θ = [prior, scale on its words' evidence, each distinctive word the query's name lacks,
    /// each the listed name lacks, another line of business]; the prior is the persons' (one prior for the node); the
    /// costs never count for.
    /// </summary>
    private static (double[] Theta, double?[] StandardError) FitOrganizations(List<Pair> pairs, ScoringModel model)
    {
        var rows = pairs.Select(p =>
        {
            var parts = p.Match.Explanation.NameParts;
            double unmatched = parts.Count(x => x.Agreement == PartAgreement.MissingFromList && x.WeightBits != 0);
            double missing = parts.Count(x => x.Agreement == PartAgreement.MissingFromQuery && x.WeightBits != 0);
            double otherBusiness = p.Match.Explanation.Features.Any(f => f.Outcome == ExplanationPhrases.OtherBusiness) ? 1 : 0;
            var words = (p.Match.Explanation.WeightBits - otherBusiness * model.OrganizationOtherBusinessBits) / model.OrganizationEvidenceScale
                - unmatched * model.OrganizationUnmatchedWordBits - missing * model.OrganizationMissingWordBits;
            return (X: new[] { 1, words, unmatched, missing, otherBusiness }, Y: p.IsTrue ? 1.0 : 0.0, W: KindWeights(pairs)[p.Query.Kind]);
        }).ToList();
        double[] start = [model.PriorBits, model.OrganizationEvidenceScale,
            model.OrganizationEvidenceScale * model.OrganizationUnmatchedWordBits, model.OrganizationEvidenceScale * model.OrganizationMissingWordBits,
            model.OrganizationOtherBusinessBits];
        var held = new Dictionary<int, double> { [0] = model.PriorBits };
        var theta = FitHeld(rows, start, [0, 0, -1, -1, -1], penalizedFrom: 2, held, []);
        return (theta, StandardErrors(rows, theta, penalizedFrom: 2, held));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<List<Pair>, Dictionary<string, double>> Weights = [];

    /// <summary>
    /// Each kind of query counts as much as any other in the fit, whatever its number in the set: the goal sets a
    /// figure per kind, and the set's mix of kinds is a choice, not the lane's. Weights average one over the pairs.
    /// </summary>
    private static Dictionary<string, double> KindWeights(List<Pair> pairs) => Weights.GetValue(pairs, all =>
    {
        var byKind = all.GroupBy(p => p.Query.Kind).ToDictionary(g => g.Key, g => g.Count());
        return byKind.ToDictionary(k => k.Key, k => (double)all.Count / byKind.Count / k.Value);
    });

    private static double[] FitHeld(List<(double[] X, double Y, double W)> rows, double[] start, int[] sign, int penalizedFrom, Dictionary<int, double> held, int[] ordered)
    {
        while (true)
        {
            var theta = Fit(rows, start, penalizedFrom, held);
            var changed = false;
            for (var j = 0; j < theta.Length; j++)
            {
                if (!held.ContainsKey(j) && sign[j] != 0 && Math.Sign(theta[j]) == -sign[j])
                {
                    held[j] = 0;
                    changed = true;
                }
            }
            for (var i = 0; i + 1 < ordered.Length && !changed; i++)
            {
                var (nearer, further) = (ordered[i], ordered[i + 1]);
                if (theta[further] > theta[nearer] + 1e-9)
                {
                    var mean = (theta[nearer] + theta[further]) / 2;
                    held[nearer] = held[further] = mean;
                    changed = true;
                }
            }
            if (!changed)
                return theta;
        }
    }

    /// <summary>
    /// Newton's method on the penalised log-likelihood of logistic(θ·x) in bits, each step halved until it improves;
    /// θ from <paramref name="penalizedFrom"/> on has a Gaussian prior (0 ± <see cref="PriorSigmaBits"/>), and the
    /// <paramref name="held"/> ones do not move.
    /// </summary>
    private static double[] Fit(List<(double[] X, double Y, double W)> rows, double[] start, int penalizedFrom, Dictionary<int, double> held)
    {
        var count = start.Length;
        var theta = (double[])start.Clone();
        foreach (var (j, value) in held)
            theta[j] = value;
        var ln2 = Math.Log(2);
        var sigma2 = PriorSigmaBits * PriorSigmaBits;
        double Objective(double[] t)
        {
            var total = 0.0;
            foreach (var (x, y, w) in rows)
            {
                var z = 0.0;
                for (var j = 0; j < count; j++)
                    z += t[j] * x[j];
                // log(1 + e^-a) written to stay finite for large |a|.
                var a = (y > 0.5 ? z : -z) * ln2;
                total -= w * (a > 0 ? Math.Log(1 + Math.Exp(-a)) : -a + Math.Log(1 + Math.Exp(a)));
            }
            for (var j = penalizedFrom; j < count; j++)
                total -= t[j] * t[j] / (2 * sigma2);
            return total;
        }
        var current = Objective(theta);
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var (gradient, hessian) = Derivatives(rows, theta, penalizedFrom, held);
            var step = Solve(hessian, gradient);
            // Far from the optimum a full Newton step can overshoot: halve it until the objective improves.
            var scale = 1.0;
            double[] next;
            double value;
            do
            {
                next = [.. theta.Select((t, j) => t - scale * step[j])];
                value = Objective(next);
                scale /= 2;
            }
            while (value < current && scale > 1e-6);
            var improvement = value - current;
            theta = next;
            current = value;
            if (improvement < 1e-7)
                break;
        }
        return theta;
    }

    /// <summary>The penalised log-likelihood's gradient and Hessian at θ; a held weight's row and column leave the system.</summary>
    private static (double[] Gradient, double[,] Hessian) Derivatives(List<(double[] X, double Y, double W)> rows, double[] theta, int penalizedFrom,
        Dictionary<int, double> held)
    {
        var count = theta.Length;
        var ln2 = Math.Log(2);
        var gradient = new double[count];
        var hessian = new double[count, count];
        foreach (var (x, y, w) in rows)
        {
            var z = 0.0;
            for (var j = 0; j < count; j++)
                z += theta[j] * x[j];
            var p = 1 / (1 + Math.Exp(-Math.Clamp(z * ln2, -500, 500)));
            for (var j = 0; j < count; j++)
            {
                if (x[j] == 0)
                    continue;
                gradient[j] += w * (y - p) * x[j] * ln2;
                for (var k = 0; k < count; k++)
                    hessian[j, k] -= w * p * (1 - p) * x[j] * x[k] * ln2 * ln2;
            }
        }
        for (var j = penalizedFrom; j < count; j++)
        {
            gradient[j] -= theta[j] / (PriorSigmaBits * PriorSigmaBits);
            hessian[j, j] -= 1 / (PriorSigmaBits * PriorSigmaBits);
        }
        foreach (var j in held.Keys)
        {
            gradient[j] = 0;
            for (var k = 0; k < count; k++)
                hessian[j, k] = hessian[k, j] = 0;
            hessian[j, j] = -1;
        }
        return (gradient, hessian);
    }

    /// <summary>
    /// Each weight's standard error at the optimum, from the inverse of the information (the negated Hessian); null for
    /// a held weight. The pairs are taken as independent, which a query's several candidates are not: a lower bound.
    /// </summary>
    private static double?[] StandardErrors(List<(double[] X, double Y, double W)> rows, double[] theta, int penalizedFrom, Dictionary<int, double> held)
    {
        var (_, hessian) = Derivatives(rows, theta, penalizedFrom, held);
        var count = theta.Length;
        var information = new double[count, count];
        for (var j = 0; j < count; j++)
        {
            for (var k = 0; k < count; k++)
                information[j, k] = -hessian[j, k];
        }
        return [.. Enumerable.Range(0, count).Select(j =>
        {
            if (held.ContainsKey(j))
                return (double?)null;
            var unit = new double[count];
            unit[j] = 1;
            return Math.Sqrt(Solve(information, unit)[j]);
        })];
    }

    /// <summary>Solves a·s = b by Gaussian elimination with partial pivoting (a is small and, with the prior, never singular).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).MaxBy(r => Math.Abs(m[r, col]));
            for (var k = 0; k < n; k++)
                (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            (v[col], v[pivot]) = (v[pivot], v[col]);
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var k = col; k < n; k++)
                    m[r, k] -= f * m[col, k];
                v[r] -= f * v[col];
            }
        }
        var s = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var sum = v[r];
            for (var k = r + 1; k < n; k++)
                sum -= m[r, k] * s[k];
            s[r] = sum / m[r, r];
        }
        return s;
    }

    private static List<Pair> Pairs(IReadOnlyList<QueryResult> results, bool organizations)
    {
        var subjects = results.Select(r => r.Query.List).Distinct().SelectMany(l => l.Entries).ToDictionary(e => e.Id, e => e.Subject);
        var sides = new Dictionary<Guid, EntrySides>();
        var pairs = new List<Pair>();
        foreach (var result in results)
        {
            var query = result.Query;
            if (query.IsOrganization != organizations || Kinds.IsOutsideGoal(query.Kind))
                continue;
            var queryName = Parse(query.Subject.Names[0]);
            foreach (var match in result.Explained)
            {
                if (!sides.TryGetValue(match.Id, out var listed))
                    sides[match.Id] = listed = SidesOf(subjects[match.Id]);
                pairs.Add(new Pair(query, match, match.Id == query.Expected, listed, queryName));
            }
        }
        return pairs;
    }

    private static EntrySides SidesOf(Subject subject)
    {
        var names = subject.Names.Select(Parse).ToList();
        return new EntrySides(names.Any(n => n.Given.Count > 0), names.Any(n => n.Surnames.Count > 0), names.Any(n => n.Surnames.Count >= 2),
            subject.DatesOfBirth.Count > 0);
    }

    private static ParsedName Parse(SubjectName name) =>
        name.GivenNames is not null || name.Surnames is not null ? NameParser.Parse(name.GivenNames, name.Surnames) : NameParser.Parse(name.Full ?? "");

    public static Table Report(List<Learned> learned, double alertBits) =>
        learned.Aggregate(new Table("Calibration part: the model's weights, learned",
            "weight", "alone: m", "alone: u", "alone: log2 m/u", "fitted with the others", "± standard error", "node's model")
        {
            Note = Invariant($"Alone: each calibration person query against its first {Metrics.Shown} candidates and its own entry, counted where both sides give what the evidence compares and the pair's weight without it is at least {alertBits:0.0} bits (the possible band), smoothed by half a pair. Fitted: all weights together with the prior and the scale on the name's own evidence, by penalised maximum likelihood on the same pairs (each weight's prior 0 ± {PriorSigmaBits:0} bits), in bits but for the scales; the standard error takes the pairs as independent, so it is a lower bound, and none is given for a weight the fit holds at zero or at its neighbour's."),
        },
            (table, l) => table.Row(l.Name, l.M is { } m ? Table.Number(m, "0.0000") : "", l.U is { } u ? Table.Number(u, "0.0000") : "",
                l.AloneBits is { } a ? Table.Number(a) : "", Table.Number(l.Fitted, l.Precision < 0.1 ? "0.00" : "0.0"),
                l.StandardError is { } e ? Table.Number(e, l.Precision < 0.1 ? "0.00" : "0.0") : "", Table.Number(l.Current, l.Precision < 0.1 ? "0.00" : "0.0")));

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}

using System.Diagnostics;
using System.Numerics;
using Perimeter.Matching.Names;
using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Screening;

/// <summary>
/// Scores one query name against one listed name: finds the best one-to-one pairing of their parts
/// (exactly, over every assignment) where each pair weighs by its level of agreement and by how common
/// the listed token is, and every part left over costs what leaving it out costs a true match.
/// </summary>
internal sealed class NameScorer(ScoringModel model, GivenNameEquivalents equivalents)
{
    private const int MaxParts = NamePreparer.MaxParts;
    /// <summary>Edits beyond this never count: the largest typo budget and sound-alike allowance.</summary>
    private const int MaxEdits = 3;

    /// <summary>
    /// The name's weight in bits alone, allocating nothing: what <see cref="Score"/> returns first, for choosing the best
    /// pair of names before explaining only that one.
    /// </summary>
    public double Bits(PreparedName query, PreparedName listed, int totalEntries)
    {
        var q = query.Parts;
        var l = listed.Parts;
        Debug.Assert(q.Length <= MaxParts && l.Length <= MaxParts, "NamePreparer cuts names to MaxParts");
        Span<double> pairBits = stackalloc double[q.Length * l.Length];
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < l.Length; j++)
                pairBits[i * l.Length + j] = Compare(q[i], l[j], totalEntries).Bits;
        }
        var cells = (q.Length + 1) << l.Length;
        Span<double> best = stackalloc double[cells];
        Span<sbyte> choice = stackalloc sbyte[cells];
        return Align(q, l, pairBits, best, choice).Total;
    }

    public (double Bits, PartExplanation[] Parts, FeatureExplanation[] Adjustments) Score(PreparedName query, PreparedName listed, int totalEntries)
    {
        var q = query.Parts;
        var l = listed.Parts;
        Debug.Assert(q.Length <= MaxParts && l.Length <= MaxParts, "NamePreparer cuts names to MaxParts");
        Span<double> pairBits = stackalloc double[q.Length * l.Length];
        Span<PartAgreement> pairLevels = stackalloc PartAgreement[q.Length * l.Length];
        Span<int> pairEdits = stackalloc int[q.Length * l.Length];
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < l.Length; j++)
            {
                var (level, bits, edits) = Compare(q[i], l[j], totalEntries);
                pairLevels[i * l.Length + j] = level;
                pairBits[i * l.Length + j] = bits;
                pairEdits[i * l.Length + j] = edits;
            }
        }
        var masks = 1 << l.Length;
        var cells = (q.Length + 1) * masks;
        Span<double> best = stackalloc double[cells];
        Span<sbyte> choice = stackalloc sbyte[cells];
        var (bestTotal, bestMask) = Align(q, l, pairBits, best, choice);

        var explanation = new List<PartExplanation>(q.Length + l.Length);
        Span<bool> taken = stackalloc bool[l.Length];
        Span<int> assigned = stackalloc int[q.Length];
        var trace = bestMask;
        for (var i = q.Length; i > 0; i--)
        {
            var j = choice[i * masks + trace];
            assigned[i - 1] = j;
            if (j >= 0)
                trace &= ~(1 << j);
        }
        for (var i = 0; i < q.Length; i++)
        {
            var j = assigned[i];
            if (j < 0)
            {
                explanation.Add(new PartExplanation(q[i].Token.Text, null, PartAgreement.MissingFromList,
                    q[i].Role == NameRole.Surname ? model.UnmatchedQuerySurnameBits : model.UnmatchedQueryGivenBits));
                continue;
            }
            taken[j] = true;
            var k = i * l.Length + j;
            explanation.Add(new PartExplanation(q[i].Token.Text, l[j].Token.Text, pairLevels[k], Math.Round(pairBits[k], 1),
                Note(pairLevels[k], q[i].Token.Text, l[j].Token.Text, pairEdits[k])));
        }
        for (var j = 0; j < l.Length; j++)
        {
            if (!taken[j])
                explanation.Add(new PartExplanation(null, l[j].Token.Text, PartAgreement.MissingFromQuery, MissingCost(l, j)));
        }
        var (adjustment, notes) = Adjustment(q, l, pairBits, bestMask);
        return (bestTotal, [.. explanation], notes.Length == 0 ? [] : [new FeatureExplanation("name", notes, Math.Round(adjustment, 1))]);
    }

    /// <summary>
    /// What the parts alone miss. Names whose given names all disagree, or whose surnames all disagree, are two
    /// people more often than leaving parts out suggests (relatives share surnames; Arabic name chains share given
    /// names). And both surnames agreeing is a family name, not two independent pieces of evidence: the weaker
    /// counts half.
    /// </summary>
    private (double Bits, string Notes) Adjustment(PreparedPart[] q, PreparedPart[] l, ReadOnlySpan<double> pairBits, int mask)
    {
        var bits = 0.0;
        var notes = "";
        if (Has(q, NameRole.Given) && Has(l, NameRole.Given) && !Takes(l, mask, NameRole.Given))
        {
            bits += model.GivenNamesConflictBits;
            notes = "given names all differ";
        }
        if (Has(q, NameRole.Surname) && Has(l, NameRole.Surname) && !Takes(l, mask, NameRole.Surname))
        {
            bits += model.SurnamesConflictBits;
            notes = notes.Length == 0 ? "surnames all differ" : $"{notes}, surnames all differ";
        }
        var first = double.NaN;
        var second = double.NaN;
        for (var j = 0; j < l.Length; j++)
        {
            if ((mask & (1 << j)) == 0 || l[j].Role != NameRole.Surname || l[j].SurnameIndex > 1)
                continue;
            var weight = BestPairBits(pairBits, q.Length, l.Length, j);
            if (l[j].SurnameIndex == 0)
                first = weight;
            else
                second = weight;
        }
        if (!double.IsNaN(first) && !double.IsNaN(second) && Math.Min(first, second) > 0)
        {
            bits -= Math.Min(first, second) * model.FamilyNameDiscount;
            notes = notes.Length == 0 ? "both surnames agree: a family name" : $"{notes}, both surnames agree: a family name";
        }
        return (bits, notes);
    }

    /// <summary>Whether a name has a full (not initial, not weak) part in this role.</summary>
    private static bool Has(PreparedPart[] parts, NameRole role)
    {
        foreach (var part in parts)
        {
            if (part.Role == role && !part.IsInitial && (part.Flags & PartFlags.Weak) == 0)
                return true;
        }
        return false;
    }

    private static bool Takes(PreparedPart[] listed, int mask, NameRole role)
    {
        for (var j = 0; j < listed.Length; j++)
        {
            if ((mask & (1 << j)) != 0 && listed[j].Role == role)
                return true;
        }
        return false;
    }

    private static double BestPairBits(ReadOnlySpan<double> pairBits, int queryParts, int listedParts, int j)
    {
        var best = double.NegativeInfinity;
        for (var i = 0; i < queryParts; i++)
            best = Math.Max(best, pairBits[i * listedParts + j]);
        return best;
    }

    /// <summary>
    /// Dynamic programme over which listed parts are taken: <paramref name="best"/>[i, mask] for the first i query
    /// parts, <paramref name="choice"/> the listed part the i-th took (-1 for none). Returns the best total, unpaired
    /// listed parts' costs included, and the mask of listed parts it pairs.
    /// </summary>
    private (double Total, int Mask) Align(PreparedPart[] q, PreparedPart[] l, ReadOnlySpan<double> pairBits, Span<double> best, Span<sbyte> choice)
    {
        var masks = 1 << l.Length;
        best.Fill(double.NegativeInfinity);
        best[0] = 0;
        for (var i = 0; i < q.Length; i++)
        {
            var unmatched = q[i].Role == NameRole.Surname ? model.UnmatchedQuerySurnameBits : model.UnmatchedQueryGivenBits;
            if (q[i].IsInitial)
                unmatched = model.MissingOtherGivenBits;
            var row = i * masks;
            var next = row + masks;
            for (var mask = 0; mask < masks; mask++)
            {
                var current = best[row + mask];
                if (double.IsNegativeInfinity(current))
                    continue;
                Relax(best, choice, next + mask, current + unmatched, -1);
                for (var j = 0; j < l.Length; j++)
                {
                    if ((mask & (1 << j)) != 0 || double.IsNegativeInfinity(pairBits[i * l.Length + j]))
                        continue;
                    Relax(best, choice, next + (mask | (1 << j)), current + pairBits[i * l.Length + j], j);
                }
            }
        }

        var bestMask = 0;
        var bestTotal = double.NegativeInfinity;
        for (var mask = 0; mask < masks; mask++)
        {
            var value = best[q.Length * masks + mask];
            if (double.IsNegativeInfinity(value))
                continue;
            for (var j = 0; j < l.Length; j++)
            {
                if ((mask & (1 << j)) == 0)
                    value += MissingCost(l, j);
            }
            value += Adjustment(q, l, pairBits, mask).Bits;
            if (value > bestTotal)
            {
                bestTotal = value;
                bestMask = mask;
            }
        }
        return (bestTotal, bestMask);

        static void Relax(Span<double> best, Span<sbyte> choice, int index, double value, int j)
        {
            if (value > best[index])
            {
                best[index] = value;
                choice[index] = (sbyte)j;
            }
        }
    }

    /// <summary>What leaving out a listed part costs: little for a maternal surname or second given name.</summary>
    private double MissingCost(PreparedPart[] listed, int j)
    {
        var part = listed[j];
        if ((part.Flags & PartFlags.Weak) != 0)
            return 0;
        return part.Role switch
        {
            NameRole.Surname => part.SurnameIndex <= 0 ? model.MissingFirstSurnameBits : model.MissingOtherSurnameBits,
            NameRole.Given => IsFirstGiven(listed, j) ? model.MissingFirstGivenBits : model.MissingOtherGivenBits,
            NameRole.Unknown => model.MissingOtherSurnameBits,
        };
    }

    private static bool IsFirstGiven(PreparedPart[] parts, int j)
    {
        for (var k = 0; k < j; k++)
        {
            if (parts[k].Role == NameRole.Given)
                return false;
        }
        return true;
    }

    /// <summary>The best level at which two parts agree, its weight in bits, and the edits between them (for the note).</summary>
    private (PartAgreement Level, double Bits, int Edits) Compare(PreparedPart q, PreparedPart l, int totalEntries)
    {
        var swap = q.Role != NameRole.Unknown && l.Role != NameRole.Unknown && q.Role != l.Role ? model.RoleSwapBits : 0;
        var weak = (l.Flags & PartFlags.Weak) != 0 || (q.Flags & PartFlags.Weak) != 0 ? 0.25 : 1.0;
        var share = Share(l.Token, totalEntries);
        var qs = q.Token.Text;
        var ls = l.Token.Text;

        if (q.Token.SameText(l.Token) || (q.Core is { } qc && qc.SameText(l.Token)) || (l.Core is { } lc && q.Token.SameText(lc)))
            return (PartAgreement.Exact, weak * Bits(model.MExact, share) + swap, 0);

        if (q.IsInitial || l.IsInitial)
        {
            return qs.Length > 0 && ls.Length > 0 && qs[0] == ls[0]
                ? (PartAgreement.Initial, weak * model.InitialBits + swap, 0)
                : (PartAgreement.Initial, double.NegativeInfinity, 0);
        }

        if (GivenNameEquivalents.ShareAGroup(q.Token.Groups, l.Token.Groups))
            return (PartAgreement.Equivalent, weak * Bits(model.MEquivalent, share) + swap, 0);

        var shorter = Math.Min(qs.Length, ls.Length);
        var budget = Edits.Budget(shorter);
        var soundsAlike = q.Token.SoundsLike(l.Token);
        // A sound-alike must also look alike: keys alone let "George" meet "Habbash".
        var soundAllowance = Math.Max(2, shorter / 3);
        // Edits are counted only as far as they can still count (a past-the-limit distance is never shown). An edit
        // changes at most two characters' presence: masks further apart than twice the limit are beyond it.
        var limit = Math.Min(MaxEdits, soundsAlike ? Math.Max(soundAllowance, budget) : budget);
        var distance = BitOperations.PopCount(q.Token.Letters ^ l.Token.Letters) > 2 * limit ? limit + 1 : Edits.DamerauLevenshtein(qs, ls, limit);
        if (soundsAlike && distance <= soundAllowance)
            return (PartAgreement.Phonetic, weak * Bits(model.MPhonetic, Math.Min(0.5, share * 2)) + swap, distance);
        if (distance <= budget)
            return (PartAgreement.Typo, weak * Bits(model.MTypo, Math.Min(0.5, share * 3)) + swap, distance);
        return (PartAgreement.Typo, double.NegativeInfinity, distance);
    }

    /// <summary>What the officer reads beside a paired part: how two names are related, or how many edits a typo took.</summary>
    private string? Note(PartAgreement level, string query, string listed, int edits) => level switch
    {
        PartAgreement.Equivalent => equivalents.Explain(query, listed),
        PartAgreement.Typo => edits == 1 ? "1 edit" : $"{edits} edits",
        _ => null,
    };

    private double Bits(double m, double u) => Math.Min(model.MaxPartBits, Math.Log2(m / u));

    /// <summary>
    /// Share of list entries that hold the token, smoothed towards a typical name token's share
    /// (<see cref="ScoringModel.TypicalShare"/> over <see cref="ScoringModel.SmoothingEntries"/> pseudo-entries),
    /// so that a small list does not make every name look common, and an unseen token is rare but finite.
    /// </summary>
    private double Share(Token token, int totalEntries) =>
        Math.Clamp((token.DocumentFrequency + model.SmoothingEntries * model.TypicalShare) / (totalEntries + model.SmoothingEntries), 1e-7, 0.5);
}

using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using Perimeter.Matching.Names;
using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Screening;

/// <summary>
/// Scores one query name against one listed name: finds the best one-to-one pairing of their parts
/// (exactly, over every assignment) where each pair weighs by its level of agreement and by how common
/// the listed token is, and every part left over costs what leaving it out costs a true match. Then the
/// name as a whole: given names or surnames that all differ, another second surname, a given name in the
/// other sex's form, a shared family name.
/// </summary>
internal sealed class NameScorer(ScoringModel model, GivenNameEquivalents equivalents)
{
    /// <summary>Ranks past this are beyond the name lists: every share of people the scorer can need, computed once.</summary>
    private const int RankedNames = 4_096;
    private readonly double[] _populationShares = [.. Enumerable.Range(0, RankedNames).Select(model.PopulationShare)];

    /// <summary>
    /// Whether the name-level adjustment is evidence against whatever it finds (as every learned model has it): then a
    /// pairing whose parts alone do not beat the best so far cannot win, and its adjustment need not be computed.
    /// </summary>
    private readonly bool _adjustmentNeverAdds = model is { GivenNamesConflictBits: <= 0, SurnamesConflictBits: <= 0, FamilyNameDiscount: >= 0,
        OtherSurnameConflictBits: <= 0, OtherSexNameBits: <= 0, OrganizationOtherBusinessBits: <= 0 };

    private const int MaxParts = NamePreparer.MaxParts;
    /// <summary>Edits beyond this never count: the largest typo budget and sound-alike allowance.</summary>
    private const int MaxEdits = 3;
    /// <summary>A listed name this long keeps its identity with a letter dropped ("lugo" → "luo"); three letters do not ("ali" → "al").</summary>
    private const int MinimumLengthForDroppedLetter = 4;

    /// <summary>
    /// The name's weight in bits alone, allocating nothing: what <see cref="Score"/> returns first, for choosing the best
    /// pair of names before explaining only that one.
    /// </summary>
    public NameWeight Bits(PreparedName query, PreparedName listed, int totalEntries)
    {
        var q = query.Parts;
        var l = listed.Parts;
        Debug.Assert(q.Length <= MaxParts && l.Length <= MaxParts, "NamePreparer cuts names to MaxParts");
        var scale = ScaleOf(listed);
        Span<double> pairBits = stackalloc double[q.Length * l.Length];
        var otherSexForms = 0;
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < l.Length; j++)
            {
                var pair = Compare(q[i], l[j], totalEntries, scale, listed.IsOrganization);
                pairBits[i * l.Length + j] = pair.Bits;
                if (pair.OtherSexForm)
                    otherSexForms |= 1 << j;
            }
        }
        var cells = (q.Length + 1) << l.Length;
        Span<double> best = stackalloc double[cells];
        Span<sbyte> choice = stackalloc sbyte[cells];
        var alignment = Align(query, listed, pairBits, otherSexForms, best, choice);
        return new NameWeight(alignment.Total, UnpairedSurname(query, listed, alignment), FirstGivenToCheck(query, listed, alignment, otherSexForms));
    }

    public (NameWeight Weight, PartExplanation[] Parts, FeatureExplanation[] Adjustments) Score(PreparedName query, PreparedName listed, int totalEntries)
    {
        var q = query.Parts;
        var l = listed.Parts;
        Debug.Assert(q.Length <= MaxParts && l.Length <= MaxParts, "NamePreparer cuts names to MaxParts");
        var scale = ScaleOf(listed);
        Span<double> pairBits = stackalloc double[q.Length * l.Length];
        Span<PartAgreement> pairLevels = stackalloc PartAgreement[q.Length * l.Length];
        Span<int> pairEdits = stackalloc int[q.Length * l.Length];
        Span<bool> pairShortened = stackalloc bool[q.Length * l.Length];
        var otherSexForms = 0;
        Span<int> otherSexOf = stackalloc int[l.Length];
        for (var i = 0; i < q.Length; i++)
        {
            for (var j = 0; j < l.Length; j++)
            {
                var pair = Compare(q[i], l[j], totalEntries, scale, listed.IsOrganization);
                pairLevels[i * l.Length + j] = pair.Level;
                pairBits[i * l.Length + j] = pair.Bits;
                pairEdits[i * l.Length + j] = pair.Edits;
                pairShortened[i * l.Length + j] = pair.Shortened;
                if (pair.OtherSexForm && (otherSexForms & (1 << j)) == 0)
                {
                    otherSexForms |= 1 << j;
                    otherSexOf[j] = i;
                }
            }
        }
        var masks = 1 << l.Length;
        var cells = (q.Length + 1) * masks;
        Span<double> best = stackalloc double[cells];
        Span<sbyte> choice = stackalloc sbyte[cells];
        var alignment = Align(query, listed, pairBits, otherSexForms, best, choice);

        var explanation = new List<PartExplanation>(q.Length + l.Length);
        Span<int> assigned = stackalloc int[q.Length];
        Trace(choice, q.Length, masks, alignment.ListedMask, assigned);
        for (var i = 0; i < q.Length; i++)
        {
            var j = assigned[i];
            if (j < 0)
            {
                explanation.Add(new PartExplanation(q[i].Token.Text, null, PartAgreement.MissingFromList, UnmatchedCost(query, q[i])));
                continue;
            }
            var k = i * l.Length + j;
            explanation.Add(new PartExplanation(q[i].Token.Text, l[j].Token.Text, pairLevels[k], Math.Round(pairBits[k], 1),
                Note(pairLevels[k], q[i].Token.Text, l[j].Token.Text, pairEdits[k], pairShortened[k])));
        }
        for (var j = 0; j < l.Length; j++)
        {
            if ((alignment.ListedMask & (1 << j)) == 0)
                explanation.Add(new PartExplanation(null, l[j].Token.Text, PartAgreement.MissingFromQuery, MissingCost(listed, j)));
        }
        var notes = new List<FeatureExplanation>();
        Adjustment(query, listed, pairBits, alignment, otherSexForms, notes);
        if ((otherSexForms & ~alignment.ListedMask) is var unpairedOtherSex and not 0)
        {
            var j = BitOperations.TrailingZeroCount(unpairedOtherSex);
            notes.Add(OtherSex(q[otherSexOf[j]], l[j]));
        }
        return (new NameWeight(alignment.Total, UnpairedSurname(query, listed, alignment), FirstGivenToCheck(query, listed, alignment, otherSexForms)),
            [.. explanation], [.. notes]);
    }

    /// <summary>
    /// What the parts alone miss, in bits, each reason explained into <paramref name="notes"/> when given. Names whose
    /// given names all differ, or whose surnames all differ, are two people more often than leaving parts out suggests
    /// (relatives share surnames; Arabic name chains share given names); so are names that share a surname and each
    /// give another (another mother's surname), and a given name in the other sex's form (a sister). Both surnames
    /// agreeing is a family name, not two independent pieces of evidence: the weaker counts less.
    /// </summary>
    private double Adjustment(PreparedName query, PreparedName listed, ReadOnlySpan<double> pairBits, Alignment alignment,
        int otherSexForms, List<FeatureExplanation>? notes)
    {
        var listedMask = alignment.ListedMask;
        var q = query.Parts;
        var l = listed.Parts;
        var bits = 0.0;
        var givenConflict = query.FullGiven != 0 && listed.FullGiven != 0 && (listedMask & listed.GivenParts) == 0;
        var surnamesConflict = query.FullSurnames != 0 && listed.FullSurnames != 0 && (listedMask & listed.SurnameParts) == 0;
        var familyBits = FamilyNameBits(l, pairBits, q.Length, listedMask);
        if (givenConflict)
            bits += model.GivenNamesConflictBits;
        if (surnamesConflict)
            bits += model.SurnamesConflictBits;
        bits += familyBits;
        if (notes is not null)
        {
            if (givenConflict && familyBits < 0)
            {
                notes.Add(new FeatureExplanation("name", ExplanationPhrases.Relative, Math.Round(model.GivenNamesConflictBits + familyBits, 1)));
            }
            else
            {
                if (givenConflict)
                    notes.Add(new FeatureExplanation("name", "given names all differ", model.GivenNamesConflictBits));
                if (familyBits < 0)
                    notes.Add(new FeatureExplanation("name", "both surnames agree: a family name", Math.Round(familyBits, 1)));
            }
            if (surnamesConflict)
                notes.Add(new FeatureExplanation("name", "surnames all differ", model.SurnamesConflictBits));
        }

        // A surname paired with a listed given name ("Diego Leon MONTOYA LEON" against Diego Leon MONTOYA SANCHEZ) is no
        // answer to the listed surname left over.
        var unpairedQuerySurnames = query.FullSurnames & (~alignment.QueryMask | alignment.SurnamesAsGiven);
        var unpairedListedSurnames = listed.FullSurnames & ~listedMask;
        if (!surnamesConflict && (listedMask & listed.SurnameParts) != 0 && unpairedQuerySurnames != 0 && unpairedListedSurnames != 0)
        {
            bits += model.OtherSurnameConflictBits;
            if (notes is not null)
            {
                var queryPart = q[BitOperations.TrailingZeroCount(unpairedQuerySurnames)];
                var listedPart = l[BitOperations.TrailingZeroCount(unpairedListedSurnames)];
                notes.Add(OtherSurname(queryPart, listedPart.Token, listedPart.SurnameIndex >= 1));
            }
        }

        // Explained by the caller, which knows which query part it was.
        if ((otherSexForms & ~listedMask) != 0)
            bits += model.OtherSexNameBits;

        // Premier Farms and Premier Investment Group: one shared distinctive word, two lines of business.
        if (query.GenericParts != 0 && listed.GenericParts != 0 && (listedMask & listed.GenericParts) == 0)
        {
            bits += model.OrganizationOtherBusinessBits;
            notes?.Add(new FeatureExplanation("name", ExplanationPhrases.OtherBusiness, model.OrganizationOtherBusinessBits)
            {
                Arguments = [GenericWords(query), GenericWords(listed)],
            });
        }
        return bits;
    }

    private static string GenericWords(PreparedName name) =>
        string.Join(' ', name.Parts.Where(p => (p.Flags & PartFlags.Generic) != 0).Select(p => p.Token.Text));

    /// <summary>The share of the weaker of two agreeing surnames taken back, as negative bits; 0 unless both the first and second agree.</summary>
    private double FamilyNameBits(PreparedPart[] l, ReadOnlySpan<double> pairBits, int queryParts, int listedMask)
    {
        var first = double.NaN;
        var second = double.NaN;
        for (var j = 0; j < l.Length; j++)
        {
            if ((listedMask & (1 << j)) == 0 || l[j].Role != NameRole.Surname || l[j].SurnameIndex > 1)
                continue;
            var weight = BestPairBits(pairBits, queryParts, l.Length, j);
            if (l[j].SurnameIndex == 0)
                first = weight;
            else
                second = weight;
        }
        return !double.IsNaN(first) && !double.IsNaN(second) && Math.Min(first, second) > 0
            ? -Math.Min(first, second) * model.FamilyNameDiscount
            : 0;
    }

    /// <summary>"another mother's surname: Salazar, listed Loera" (or "another surname" when the listed one is not a second surname).</summary>
    public FeatureExplanation OtherSurname(PreparedPart query, Token listed, bool listedIsLater) =>
        new("name", listedIsLater && query.SurnameIndex >= 1 ? ExplanationPhrases.OtherMaternalSurname : ExplanationPhrases.OtherSurname,
            model.OtherSurnameConflictBits)
        {
            Arguments = [Capitalized(query.Token.Text), Capitalized(listed.Text)],
        };

    private FeatureExplanation OtherSex(PreparedPart queryPart, PreparedPart listed)
    {
        var outcome = queryPart.Token.Sex == NameSex.Female || (queryPart.Token.Sex == NameSex.Unknown && listed.Token.Sex == NameSex.Male)
            || (queryPart.Token.Sex == NameSex.Unknown && listed.Token.Sex == NameSex.Unknown && queryPart.Token.Text.EndsWith('a'))
            ? ExplanationPhrases.WomansNameAgainstMans
            : ExplanationPhrases.MansNameAgainstWomans;
        return new FeatureExplanation("name", outcome, model.OtherSexNameBits)
        {
            Arguments = [Capitalized(queryPart.Token.Text), Capitalized(listed.Token.Text)],
        };
    }

    private static string Capitalized(string folded) =>
        folded.Length == 0 ? folded : string.Concat(char.ToUpper(folded[0], CultureInfo.InvariantCulture).ToString(), folded.AsSpan(1));

    /// <summary>
    /// The query's own surname that the best pairing leaves out while another surname is shared and the listed name
    /// has none left to hold it against (it matched "GUZMAN, Joaquin"): the entry's other names decide.
    /// </summary>
    private static PreparedPart? UnpairedSurname(PreparedName query, PreparedName listed, Alignment alignment)
    {
        var unpairedQuery = query.FullSurnames & ~alignment.QueryMask;
        if (unpairedQuery == 0 || (alignment.ListedMask & listed.SurnameParts) == 0 || (listed.FullSurnames & ~alignment.ListedMask) != 0)
            return null;
        return query.Parts[BitOperations.TrailingZeroCount(unpairedQuery)];
    }

    /// <summary>
    /// The query's first given name written in full, unless the listed name already showed it in the other sex's form:
    /// the entry's other names may ("Joaquina" paired with a misspelt alias "Joaguin" while the entry is Joaquín).
    /// </summary>
    private static PreparedPart? FirstGivenToCheck(PreparedName query, PreparedName listed, Alignment alignment, int otherSexForms)
    {
        if (query.FullGiven == 0 || otherSexForms != 0 || (alignment.ListedMask & listed.SurnameParts) == 0)
            return null;
        var first = BitOperations.TrailingZeroCount(query.GivenParts);
        return (query.FullGiven & (1 << first)) != 0 ? query.Parts[first] : null;
    }

    /// <summary>A listed given name that is the other sex's form of the query's: "luis" for "luisa".</summary>
    public static bool IsOtherSexFormOf(PreparedPart query, Token listed) => AreOtherSexForms(query.Token, listed);

    private static bool AreOtherSexForms(Token a, Token b) => GivenNameSex.AreOtherSexForms(a.Text, a.Sex, b.Text, b.Sex);

    /// <summary>The explanation of a given name in the other sex's form found among the entry's other names.</summary>
    public FeatureExplanation OtherSexInEntry(PreparedPart query, Token listed) => OtherSex(query, new PreparedPart(listed, NameRole.Given, -1, PartFlags.None, null));

    private static double BestPairBits(ReadOnlySpan<double> pairBits, int queryParts, int listedParts, int j)
    {
        var best = double.NegativeInfinity;
        for (var i = 0; i < queryParts; i++)
            best = Math.Max(best, pairBits[i * listedParts + j]);
        return best;
    }

    /// <summary>The best total, which parts it pairs on each side, and which query surnames it pairs with a listed given name.</summary>
    private readonly record struct Alignment(double Total, int ListedMask, int QueryMask, int SurnamesAsGiven = 0);

    /// <summary>
    /// Dynamic programme over which listed parts are taken: <paramref name="best"/>[i, mask] for the first i query
    /// parts, <paramref name="choice"/> the listed part the i-th took (-1 for none). Returns the best total, unpaired
    /// listed parts' costs and the name-level adjustment included, and the parts it pairs.
    /// </summary>
    private Alignment Align(PreparedName query, PreparedName listed, ReadOnlySpan<double> pairBits, int otherSexForms, Span<double> best, Span<sbyte> choice)
    {
        var q = query.Parts;
        var l = listed.Parts;
        var masks = 1 << l.Length;
        best.Fill(double.NegativeInfinity);
        best[0] = 0;
        for (var i = 0; i < q.Length; i++)
        {
            var unmatched = UnmatchedCost(query, q[i]);
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

        Span<double> missingCosts = stackalloc double[l.Length];
        for (var j = 0; j < l.Length; j++)
            missingCosts[j] = MissingCost(listed, j);
        var result = new Alignment(double.NegativeInfinity, 0, 0);
        for (var mask = 0; mask < masks; mask++)
        {
            var value = best[q.Length * masks + mask];
            if (double.IsNegativeInfinity(value))
                continue;
            for (var j = 0; j < l.Length; j++)
            {
                if ((mask & (1 << j)) == 0)
                    value += missingCosts[j];
            }
            if (_adjustmentNeverAdds && value <= result.Total)
                continue;
            var (queryMask, surnamesAsGiven) = QueryMaskOf(query, listed, choice, masks, mask);
            var candidate = new Alignment(value, mask, queryMask, surnamesAsGiven);
            value += Adjustment(query, listed, pairBits, candidate, otherSexForms, notes: null);
            if (value > result.Total)
                result = candidate with { Total = value };
        }
        return result;

        static void Relax(Span<double> best, Span<sbyte> choice, int index, double value, int j)
        {
            if (value > best[index])
            {
                best[index] = value;
                choice[index] = (sbyte)j;
            }
        }
    }

    /// <summary>The query parts the best path to <paramref name="listedMask"/> pairs, a bit each; and the query surnames among them it pairs with a listed given name.</summary>
    private static (int Paired, int SurnamesAsGiven) QueryMaskOf(PreparedName query, PreparedName listed, ReadOnlySpan<sbyte> choice, int masks, int listedMask)
    {
        var paired = 0;
        var pairedWithGiven = 0;
        for (var i = query.Parts.Length; i > 0; i--)
        {
            var j = choice[i * masks + listedMask];
            if (j < 0)
                continue;
            paired |= 1 << (i - 1);
            if ((listed.GivenParts & (1 << j)) != 0)
                pairedWithGiven |= 1 << (i - 1);
            listedMask &= ~(1 << j);
        }
        return (paired, pairedWithGiven & query.FullSurnames);
    }

    /// <summary>The listed part each query part took on the best path to <paramref name="listedMask"/> (-1 for none).</summary>
    private static void Trace(ReadOnlySpan<sbyte> choice, int queryParts, int masks, int listedMask, Span<int> assigned)
    {
        for (var i = queryParts; i > 0; i--)
        {
            var j = choice[i * masks + listedMask];
            assigned[i - 1] = j;
            if (j >= 0)
                listedMask &= ~(1 << j);
        }
    }

    /// <summary>
    /// What a query part the listed name lacks costs: an initial little, a surname most; in a company's name, a word
    /// that is not a legal form or a generic word (a distinctive one: Zacatecas in "Hotelera Zacatecas") much.
    /// </summary>
    private double UnmatchedCost(PreparedName name, PreparedPart part) =>
        (part.Flags & PartFlags.Weak) != 0 ? 0
        : name.IsOrganization ? model.OrganizationEvidenceScale * model.OrganizationUnmatchedWordBits
        : model.NameEvidenceScale * (
            part.IsInitial ? model.MissingOtherGivenBits
            : part.Role == NameRole.Surname ? model.UnmatchedQuerySurnameBits
            : model.UnmatchedQueryGivenBits);

    /// <summary>What leaving out a listed part costs: little for a maternal surname or second given name; a company's distinctive word much.</summary>
    private double MissingCost(PreparedName name, int j)
    {
        var listed = name.Parts;
        var part = listed[j];
        if ((part.Flags & PartFlags.Weak) != 0)
            return 0;
        if (name.IsOrganization)
            return model.OrganizationEvidenceScale * model.OrganizationMissingWordBits;
        return model.NameEvidenceScale * part.Role switch
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

    /// <summary>How two parts compare: the level, its weight, the edits between them (for the note), and whether they are one given name in each sex's form.</summary>
    private readonly record struct PartPair(PartAgreement Level, double Bits, int Edits, bool OtherSexForm = false, bool Shortened = false);

    /// <summary>The best level at which two parts agree and its weight in bits; a pair that cannot stand for each other weighs −∞.</summary>
    private PartPair Compare(PreparedPart q, PreparedPart l, int totalEntries, double scale, bool organization)
    {
        var pair = CompareUnscaled(q, l, totalEntries, organization);
        return pair with { Bits = pair.Bits * scale };
    }

    private PartPair CompareUnscaled(PreparedPart q, PreparedPart l, int totalEntries, bool organization)
    {
        var swap = q.Role != NameRole.Unknown && l.Role != NameRole.Unknown && q.Role != l.Role ? model.RoleSwapBits : 0;
        var weak = (l.Flags & PartFlags.Weak) != 0 || (q.Flags & PartFlags.Weak) != 0 ? 0.25 : 1.0;
        var qs = q.Token.Text;
        var ls = l.Token.Text;

        if (q.Token.SameText(l.Token) || (q.Core is { } qc && qc.SameText(l.Token)) || (l.Core is { } lc && q.Token.SameText(lc)))
            return new(PartAgreement.Exact, weak * Bits(model.MExact, ListedShare(l, totalEntries)) + swap, 0);

        if (q.IsInitial || l.IsInitial)
        {
            return qs.Length > 0 && ls.Length > 0 && qs[0] == ls[0]
                ? new(PartAgreement.Initial, weak * model.InitialBits + swap, 0)
                : new(PartAgreement.Initial, double.NegativeInfinity, 0);
        }

        // Joaquín and Joaquina, Mario and María are a letter apart and sound alike, yet name a brother and a sister.
        if (GivenNameEquivalents.ShareAGroup(q.Token.Groups, l.Token.Groups))
        {
            return IsOtherSexForm(q, l)
                ? new(PartAgreement.Equivalent, double.NegativeInfinity, 0, OtherSexForm: true)
                : new(PartAgreement.Equivalent, weak * Bits(model.MEquivalent, ListedShare(l, totalEntries)) + swap, 0);
        }

        // Santi for Santiago, Dony for Donovan, Lupe for Guadalupe: the nickname people make by cutting a given name.
        if (IsShortenedForm(q, l) && !IsOtherSexForm(q, l))
            return new(PartAgreement.Equivalent, weak * Bits(model.MShortened, ListedShare(l, totalEntries)) + swap, 0, Shortened: true);

        var shorter = Math.Min(qs.Length, ls.Length);
        // A letter dropped from a short listed name ("Ena" for Peña, "Luo" for Lugo) is one typo, as it is in a longer one.
        var budget = qs.Length + 1 == ls.Length && ls.Length >= MinimumLengthForDroppedLetter ? Math.Max(1, Edits.Budget(shorter)) : Edits.Budget(shorter);
        var soundsAlike = q.Token.SoundsLike(l.Token);
        // A sound-alike must also look alike: keys alone let "George" meet "Habbash".
        var soundAllowance = Math.Max(2, shorter / 3);
        // Edits are counted only as far as they can still count (a past-the-limit distance is never shown). An edit
        // changes at most two characters' presence: masks further apart than twice the limit are beyond it.
        var limit = Math.Min(MaxEdits, soundsAlike ? Math.Max(soundAllowance, budget) : budget);
        var distance = BitOperations.PopCount(q.Token.Letters ^ l.Token.Letters) > 2 * limit ? limit + 1 : Edits.DamerauLevenshtein(qs, ls, limit);
        // A scanner's "rn" for "m" is two edits to a reader but one misreading: compared on what both would read as. Read
        // alike, they are one misreading apart even where the name is too short for a typo ("1am" for "Lam"). Misreadings
        // go with one typo at most: "llovera", read "iiovera", is still two edits from "rivera", another surname.
        // One edit changes the length by one at most and at most two characters' presence.
        if (distance > budget && (!ReferenceEquals(q.Token.OcrSkeleton, qs) || !ReferenceEquals(l.Token.OcrSkeleton, ls))
            && Math.Abs(q.Token.OcrSkeleton.Length - l.Token.OcrSkeleton.Length) <= 1
            && BitOperations.PopCount(q.Token.OcrLetters ^ l.Token.OcrLetters) <= 2
            && Edits.DamerauLevenshtein(q.Token.OcrSkeleton, l.Token.OcrSkeleton, 1) is var misread and <= 1)
        {
            if (misread == 0)
                budget = Math.Max(budget, 1);
            distance = Math.Min(distance, Math.Max(1, misread));
        }
        var level = soundsAlike && distance <= soundAllowance ? PartAgreement.Phonetic
            : distance <= budget ? PartAgreement.Typo
            : (PartAgreement?)null;
        if (level is not { } near)
            return new(PartAgreement.Typo, double.NegativeInfinity, distance);
        if (IsOtherSexForm(q, l))
            return new(near, double.NegativeInfinity, distance, OtherSexForm: true);
        return near == PartAgreement.Phonetic
            ? new(near, weak * Bits(model.MPhonetic, Math.Min(0.5, ListedShare(l, totalEntries) * Neighbours(2, shorter, organization))) + swap, distance)
            : new(near, weak * Bits(model.MTypo, Math.Min(0.5, ListedShare(l, totalEntries) * Neighbours(3, shorter, organization))) + swap, distance);
    }

    /// <summary>Companies' words this long or longer (Lakokraska, Stroytransgaz) are coined, not drawn from a small stock.</summary>
    private const int LongOrganizationWord = 8;

    /// <summary>
    /// How many times likelier than the word itself a word spelt or sounding nearly like it is, among others' names
    /// (<paramref name="usual"/> times): a person's name has such neighbours (Hernández and Fernández), and so has a
    /// company's short word; a long coined company word has next to none, so a typo of it is nearly as telling as the word.
    /// </summary>
    private static double Neighbours(double usual, int length, bool organization) => organization && length >= LongOrganizationWord ? 1 : usual;

    /// <summary>Whether two surnames stand for each other at any level: the same, a known variant, sound-alike, a typo.</summary>
    public bool Agree(Token query, Token listed) =>
        !double.IsNegativeInfinity(Compare(new(query, NameRole.Surname, 1, PartFlags.None, null), new(listed, NameRole.Surname, 1, PartFlags.None, null), 1, 1, organization: false).Bits);

    /// <summary>What the name's own evidence counts for: a person's and a company's name are calibrated apart.</summary>
    private double ScaleOf(PreparedName listed) => listed.IsOrganization ? model.OrganizationEvidenceScale : model.NameEvidenceScale;

    // Endings that make a diminutive of a cut name: Dony, Santito, Fercho's -cho is left out (it changes the stem).
    private static readonly string[] DiminutiveEndings = ["ito", "ita", "y", "ie", "i"];

    /// <summary>
    /// One given name cut from the other, at the start ("santi", "santiago"; "dony", "donovan" once its -y is off) or at
    /// the end ("lupe", "guadalupe"; "brose", "ambrose"), three letters kept at least and two cut.
    /// </summary>
    private static bool IsShortenedForm(PreparedPart q, PreparedPart l)
    {
        if (q.Role != NameRole.Given || l.Role != NameRole.Given)
            return false;
        var (shortName, longName) = q.Token.Text.Length < l.Token.Text.Length ? (q.Token.Text, l.Token.Text) : (l.Token.Text, q.Token.Text);
        // Cut at the end, the first letters agree; cut at the start, the last ones.
        if (shortName.Length < 3 || longName.Length < shortName.Length + 2 || (shortName[0] != longName[0] && shortName[^1] != longName[^1]))
            return false;
        if (longName.StartsWith(shortName, StringComparison.Ordinal) || (shortName.Length >= 4 && longName.EndsWith(shortName, StringComparison.Ordinal)))
            return true;
        foreach (var ending in DiminutiveEndings)
        {
            if (shortName.Length - ending.Length >= 3 && shortName.EndsWith(ending, StringComparison.Ordinal)
                && longName.StartsWith(shortName.AsSpan(0, shortName.Length - ending.Length), StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A given name and its other sex's form: "joaquina" and "joaquin".</summary>
    private static bool IsOtherSexForm(PreparedPart q, PreparedPart l) =>
        (q.Role == NameRole.Given || l.Role == NameRole.Given) && AreOtherSexForms(q.Token, l.Token);

    /// <summary>What the officer reads beside a paired part: how two names are related, or how many edits a typo took.</summary>
    private string? Note(PartAgreement level, string query, string listed, int edits, bool shortened) => level switch
    {
        PartAgreement.Equivalent => shortened ? "shortened" : equivalents.Explain(query, listed),
        PartAgreement.Typo => edits == 1 ? "1 edit" : $"{edits} edits",
        _ => null,
    };

    /// <summary>The listed part's share, computed only for pairs that agree: "de Jesús" is as common as Jesús, a glued particle does not make a name rare.</summary>
    private double ListedShare(PreparedPart listed, int totalEntries) =>
        listed.Core is { } core ? Math.Max(Share(listed.Token, totalEntries), Share(core, totalEntries)) : Share(listed.Token, totalEntries);

    private double Bits(double m, double u) => Math.Min(model.MaxPartBits, Math.Log2(m / u));

    /// <summary>
    /// Share of list entries that hold the token or of people who bear it (<see cref="ScoringModel.PopulationShare"/>),
    /// the larger; the list's share smoothed towards a typical name token's share
    /// (<see cref="ScoringModel.TypicalShare"/> over <see cref="ScoringModel.SmoothingEntries"/> pseudo-entries),
    /// so that a small list does not make every name look common, and an unseen token is rare but finite.
    /// </summary>
    private double Share(Token token, int totalEntries) => Math.Clamp(Math.Max(
        (token.DocumentFrequency + model.SmoothingEntries * model.TypicalShare) / (totalEntries + model.SmoothingEntries),
        (uint)token.CommonnessRank < RankedNames ? _populationShares[token.CommonnessRank] : 0), 1e-7, 0.5);
}

/// <summary>
/// A name pair's weight in bits; the query's second surname the listed name had nothing to hold against, and its first
/// given name when the listed name did not show it in the other sex's form: the entry's other names may contradict them.
/// </summary>
internal readonly record struct NameWeight(double Bits, PreparedPart? UnpairedSurname, PreparedPart? FirstGiven);

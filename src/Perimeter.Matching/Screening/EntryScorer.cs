using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;

namespace Perimeter.Matching.Screening;

/// <summary>Scores a query against one listed entry: the best of its names, then every other piece of evidence.</summary>
internal sealed class EntryScorer(ScoringModel model, GivenNameEquivalents equivalents)
{
    private readonly NameScorer _names = new(model, equivalents);

    public Match Score(PreparedQuery query, ListedEntry entry, Statistics statistics)
    {
        var bits = 0.0;
        var matchedName = "";
        PartExplanation[] parts = [];
        FeatureExplanation[] adjustments = [];
        if (query.Names.Length > 0 && entry.Names.Length > 0)
        {
            // Every pair of names weighed without explanations; only the best pair is explained.
            var bestBits = double.NegativeInfinity;
            PreparedName? bestQuery = null;
            PreparedName? bestListed = null;
            foreach (var queryName in query.Names)
            {
                foreach (var listedName in entry.Names)
                {
                    var nameBits = _names.Bits(queryName, listedName, statistics.TotalEntries);
                    // A weak alias (OFAC's low-quality a.k.a.) is worth less than a real name.
                    if (listedName.IsWeak)
                        nameBits -= 2;
                    if (nameBits > bestBits)
                    {
                        bestBits = nameBits;
                        bestQuery = queryName;
                        bestListed = listedName;
                    }
                }
            }
            if (bestQuery is not null && bestListed is not null)
            {
                matchedName = bestListed.Display;
                (_, parts, adjustments) = _names.Score(bestQuery, bestListed, statistics.TotalEntries);
            }
            bits += bestBits;
        }

        var features = new List<FeatureExplanation>(adjustments);
        bits += Identifiers(query.Subject, entry, features);
        if (entry.Kind == SubjectKind.Person)
        {
            bits += DateOfBirth(query.Subject, entry, features);
            bits += Nationality(query.Subject, entry, statistics, features);
            bits += SexOf(query.Subject, entry, features);
        }

        var score = model.ScoreOf(bits);
        return new Match(entry.Id, Math.Round(score, 4), model.BandOf(score), new Explanation(matchedName, parts, features, Math.Round(bits, 1)));
    }

    private double DateOfBirth(Subject query, ListedEntry entry, List<FeatureExplanation> features)
    {
        if (query.DatesOfBirth.Count == 0)
            return 0;
        var best = double.NegativeInfinity;
        DateOfBirthComparison? chosen = null;
        foreach (var date in query.DatesOfBirth)
        {
            var comparison = DateOfBirthMatch.Compare(date, entry.DatesOfBirth);
            var bits = comparison.Agreement switch
            {
                DateAgreement.Exact => model.DobExactBits,
                DateAgreement.DayMonthSwapped => model.DobSwappedBits,
                DateAgreement.SameYearAndMonth => model.DobYearMonthBits,
                DateAgreement.SameYear => model.DobYearBits,
                DateAgreement.OneDigitTypo => model.DobTypoBits,
                DateAgreement.YearApart => model.DobYearApartBits,
                DateAgreement.Different => model.DobDifferentBits,
                DateAgreement.Missing => 0,
            };
            if (bits > best)
            {
                best = bits;
                chosen = comparison;
            }
        }
        if (chosen is { } c && c.Agreement != DateAgreement.Missing)
            features.Add(new FeatureExplanation("dob", Word(c.Agreement), best, c.Explanation));
        else
            features.Add(new FeatureExplanation("dob", "not listed", 0));
        return chosen?.Agreement == DateAgreement.Missing ? 0 : best;
    }

    private double Nationality(Subject query, ListedEntry entry, Statistics statistics, List<FeatureExplanation> features)
    {
        if (query.Nationalities.Count == 0 || entry.Nationalities.Length == 0)
            return 0;
        foreach (var country in query.Nationalities)
        {
            if (entry.Nationalities.Contains(country, StringComparer.Ordinal))
            {
                // Mexican = Mexican proves little on a list full of Mexicans.
                var bits = Math.Max(0.3, Math.Log2(model.MNationality / statistics.NationalityShare(country)));
                features.Add(new FeatureExplanation("nationality", "same", Math.Round(bits, 1), country));
                return bits;
            }
        }
        features.Add(new FeatureExplanation("nationality", "different", model.NationalityDifferentBits,
            $"{string.Join('/', query.Nationalities)} vs {string.Join('/', entry.Nationalities)}"));
        return model.NationalityDifferentBits;
    }

    private double SexOf(Subject query, ListedEntry entry, List<FeatureExplanation> features)
    {
        if (query.Sex == Sex.Unknown || entry.Sex == Sex.Unknown)
            return 0;
        var same = query.Sex == entry.Sex;
        var bits = same ? model.SexSameBits : model.SexDifferentBits;
        features.Add(new FeatureExplanation("sex", same ? "same" : "different", bits));
        return bits;
    }

    private double Identifiers(Subject query, ListedEntry entry, List<FeatureExplanation> features)
    {
        var total = 0.0;
        foreach (var identifier in query.Identifiers)
        {
            var (outcome, bits) = Compare(identifier, entry);
            if (outcome is null)
                continue;
            features.Add(new FeatureExplanation(Feature(identifier.Type), outcome, bits, identifier.Type.ToString()));
            total += bits;
        }
        return total;
    }

    private (string? Outcome, double Bits) Compare(Identifier query, ListedEntry entry)
    {
        var queryKey = Segment.IdentifierKey(query);
        var sameKind = entry.Identifiers.Where(l => Segment.IdentifierKey(l).AsSpan().StartsWith(queryKey.AsSpan(0, queryKey.IndexOf(':') + 1))).ToList();
        if (sameKind.Count == 0)
            return (null, 0);
        if (sameKind.Any(l => string.Equals(Segment.IdentifierKey(l), queryKey, StringComparison.Ordinal)))
            return ("same number", model.DocumentSameBits);
        if (sameKind.Any(l => OcrVariant(query, l)))
            return ("same number but for look-alike characters", model.DocumentOcrBits);
        // Several passports are normal: only the same type from the same issuer conflicts.
        if (sameKind.Any(l => l.Type == query.Type && l.Issuer is not null && string.Equals(l.Issuer, query.Issuer, StringComparison.OrdinalIgnoreCase)))
            return ("different number, same issuer", model.DocumentConflictBits);
        return (null, 0);
    }

    private static bool OcrVariant(Identifier query, Identifier listed) => query.Type switch
    {
        IdentifierType.Vin => Vin.Compare(query.Number, listed.Number) == VinAgreement.OneCharacter,
        IdentifierType.Plate => Plate.Compare(query.Number, query.Issuer, listed.Number, listed.Issuer) == PlateAgreement.OcrVariant,
        IdentifierType.FirearmSerial => FirearmSerial.Compare(query.Number, null, listed.Number, null) == FirearmAgreement.OcrVariant,
        _ => OcrConfusion.AreVariants(DocumentNumber.Normalize(query.Number), DocumentNumber.Normalize(listed.Number)),
    };

    private static string Feature(IdentifierType type) => type switch
    {
        IdentifierType.Plate => "plate",
        IdentifierType.Vin => "vin",
        IdentifierType.FirearmSerial => "serial",
        _ => "document",
    };

    private static string Word(DateAgreement agreement) => agreement switch
    {
        DateAgreement.Exact => "exact",
        DateAgreement.DayMonthSwapped => "day and month swapped",
        DateAgreement.SameYearAndMonth => "same year and month",
        DateAgreement.SameYear => "same year",
        DateAgreement.OneDigitTypo => "one digit differs",
        DateAgreement.YearApart => "a year apart",
        DateAgreement.Different => "different",
        DateAgreement.Missing => "not listed",
    };
}

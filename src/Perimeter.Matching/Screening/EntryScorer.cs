using System.Globalization;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;

namespace Perimeter.Matching.Screening;

/// <summary>Scores a query against one listed entry: the best of its names, then every other piece of evidence.</summary>
internal sealed class EntryScorer(ScoringModel model, GivenNameEquivalents equivalents)
{
    private readonly NameScorer _names = new(model, equivalents);

    /// <summary>
    /// The entry's weight of evidence in bits, and which of its names meets which query name best, with no explanation:
    /// most candidates fall below the threshold, so only those kept are explained (<see cref="Explain"/>).
    /// </summary>
    public Weighed Weigh(PreparedQuery query, ListedEntry entry, Statistics statistics)
    {
        var bits = 0.0;
        PreparedName? bestQuery = null;
        PreparedName? bestListed = null;
        if (query.Names.Length > 0 && entry.Names.Length > 0)
        {
            var bestBits = double.NegativeInfinity;
            PreparedPart? unpairedSurname = null;
            PreparedPart? firstGiven = null;
            foreach (var queryName in query.Names)
            {
                foreach (var listedName in entry.Names)
                {
                    var weight = _names.Bits(queryName, listedName, statistics.TotalEntries);
                    var nameBits = weight.Bits;
                    // A weak alias (OFAC's low-quality a.k.a.) is worth less than a real name.
                    if (listedName.IsWeak)
                        nameBits -= 2 * model.NameEvidenceScale;
                    if (nameBits > bestBits)
                    {
                        bestBits = nameBits;
                        bestQuery = queryName;
                        bestListed = listedName;
                        unpairedSurname = weight.UnpairedSurname;
                        firstGiven = weight.FirstGiven;
                    }
                }
            }
            bits += bestBits;
            if (unpairedSurname is { } surname && LaterSurnameConflict(surname, entry) is not null)
                bits += model.OtherSurnameConflictBits;
            if (firstGiven is { } given && OtherSexForm(given, entry) is not null)
                bits += model.OtherSexNameBits;
        }
        bits += Evidence(query.Subject, entry, bestQuery, bestListed, statistics, features: null);
        return new Weighed(bits, bestQuery, bestListed);
    }

    /// <summary>The match as the officer reads it: the score of <paramref name="weighed"/>, and every feature explained.</summary>
    public Match Explain(PreparedQuery query, ListedEntry entry, Weighed weighed, Statistics statistics)
    {
        var matchedName = "";
        PartExplanation[] parts = [];
        var features = new List<FeatureExplanation>();
        if (weighed.Query is { } bestQuery && weighed.Listed is { } bestListed)
        {
            matchedName = bestListed.Display;
            var (weight, nameParts, adjustments) = _names.Score(bestQuery, bestListed, statistics.TotalEntries);
            parts = nameParts;
            features.AddRange(adjustments);
            if (weight.UnpairedSurname is { } surname && LaterSurnameConflict(surname, entry) is { } listed)
                features.Add(_names.OtherSurname(surname, listed, listedIsLater: true));
            if (weight.FirstGiven is { } given && OtherSexForm(given, entry) is { } form)
                features.Add(_names.OtherSexInEntry(given, form));
        }
        Evidence(query.Subject, entry, weighed.Query, weighed.Listed, statistics, features);
        return new Match(entry.Id, ScoreOf(weighed), model.BandOf(model.ScoreOf(weighed.Bits)),
            new Explanation(matchedName, parts, features, Math.Round(weighed.Bits, 1)));
    }

    /// <summary>
    /// A given name of the entry's that is the other sex's form of the query's first ("ramon" for "Ramona"), unless the
    /// entry also carries the query's own: null then, or when there is none.
    /// </summary>
    private static Token? OtherSexForm(PreparedPart queryGiven, ListedEntry entry)
    {
        Token? form = null;
        foreach (var given in entry.GivenNames)
        {
            if (given.SameText(queryGiven.Token))
                return null;
            if (form is null && NameScorer.IsOtherSexFormOf(queryGiven, given))
                form = given;
        }
        return form;
    }

    /// <summary>
    /// A second surname the entry lists elsewhere for the query's own to contradict, when the name that matched best
    /// lists none ("GUZMAN, Joaquin" beside "GUZMAN LOERA, Joaquin" against "Joaquín Guzmán Salazar"); null when the
    /// entry lists none, or one agrees with the query's however it is spelled.
    /// </summary>
    private Token? LaterSurnameConflict(PreparedPart querySurname, ListedEntry entry)
    {
        if (entry.LaterSurnames.Length == 0)
            return null;
        foreach (var listed in entry.LaterSurnames)
        {
            if (_names.Agree(querySurname.Token, listed))
                return null;
        }
        return entry.LaterSurnames[0];
    }

    /// <summary>The score a match of this weight shows, rounded as returned.</summary>
    public double ScoreOf(Weighed weighed) => Math.Round(model.ScoreOf(weighed.Bits), 4);

    /// <summary>Everything but the name, in bits; each feature explained into <paramref name="features"/> when given.</summary>
    private double Evidence(Subject query, ListedEntry entry, PreparedName? queryName, PreparedName? listedName, Statistics statistics,
        List<FeatureExplanation>? features)
    {
        var bits = Identifiers(query, entry, features);
        if (entry.Kind == SubjectKind.Person)
        {
            bits += DateOfBirth(query, entry, features);
            bits += Nationality(query, entry, statistics, features);
            bits += SexOf(query, entry, queryName, listedName, features);
        }
        return bits;
    }

    private double DateOfBirth(Subject query, ListedEntry entry, List<FeatureExplanation>? features)
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
                DateAgreement.TwoToFourYearsApart => model.DobTwoToFourYearsBits,
                DateAgreement.FiveToNineYearsApart => model.DobFiveToNineYearsBits,
                DateAgreement.TenOrMoreYearsApart => model.DobTenOrMoreYearsBits,
                DateAgreement.Missing => 0,
            };
            if (bits > best)
            {
                best = bits;
                chosen = comparison;
            }
        }
        if (chosen is not { } c || c.Agreement == DateAgreement.Missing)
        {
            features?.Add(new FeatureExplanation("dob", "not listed", 0));
            return 0;
        }
        if (features is not null)
            features.Add(c.Dates is var (q, l) && c.Agreement is DateAgreement.TwoToFourYearsApart or DateAgreement.FiveToNineYearsApart or DateAgreement.TenOrMoreYearsApart
                ? new FeatureExplanation("dob", ExplanationPhrases.YearsApart, best)
                {
                    Arguments = [c.YearsApart.ToString(CultureInfo.InvariantCulture), q.Year.ToString(CultureInfo.InvariantCulture), l.Year.ToString(CultureInfo.InvariantCulture)],
                }
                : new FeatureExplanation("dob", Word(c.Agreement), best, c.Explanation));
        return best;
    }

    private double Nationality(Subject query, ListedEntry entry, Statistics statistics, List<FeatureExplanation>? features)
    {
        if (query.Nationalities.Count == 0 || entry.Nationalities.Length == 0)
            return 0;
        foreach (var country in query.Nationalities)
        {
            if (entry.Nationalities.Contains(country, StringComparer.Ordinal))
            {
                // Mexican = Mexican proves little on a list full of Mexicans.
                var bits = Math.Max(0.3, Math.Log2(model.MNationality / statistics.NationalityShare(country)));
                features?.Add(new FeatureExplanation("nationality", "same", Math.Round(bits, 1), country));
                return bits;
            }
        }
        features?.Add(new FeatureExplanation("nationality", "different", model.NationalityDifferentBits,
            $"{string.Join('/', query.Nationalities)} vs {string.Join('/', entry.Nationalities)}"));
        return model.NationalityDifferentBits;
    }

    /// <summary>
    /// Sex as stated, or where one side does not state it, as its first given name tells (a listed "Joaquín" is a man):
    /// so a passport's F counts against a listed man even when the query's name is only an initial. Where the stated
    /// sex is only what the side's own given name says, the names were compared already and it adds nothing.
    /// </summary>
    private double SexOf(Subject query, ListedEntry entry, PreparedName? queryName, PreparedName? listedName, List<FeatureExplanation>? features)
    {
        var queryNameSex = SexOf(queryName);
        var listedNameSex = SexOf(listedName);
        var querySex = query.Sex != Sex.Unknown ? query.Sex : queryNameSex;
        var listedSex = entry.Sex != Sex.Unknown ? entry.Sex : listedNameSex;
        if (querySex == Sex.Unknown || listedSex == Sex.Unknown
            || (query.Sex == Sex.Unknown && entry.Sex == Sex.Unknown)
            || (entry.Sex == Sex.Unknown && query.Sex == queryNameSex)
            || (query.Sex == Sex.Unknown && entry.Sex == listedNameSex))
        {
            return 0;
        }
        var same = querySex == listedSex;
        // The same sex is what nearly everyone shares with the name's bearer: fitted on the calibration part it weighs nothing.
        var bits = same ? 0 : model.SexDifferentBits;
        features?.Add(new FeatureExplanation("sex", same ? "same" : "different", bits,
            $"{Letter(querySex)}{(query.Sex == Sex.Unknown ? " (given name)" : "")} / {Letter(listedSex)}{(entry.Sex == Sex.Unknown ? " (given name)" : "")}"));
        return bits;

        static Sex SexOf(PreparedName? name) => name?.SexOfGivenName() switch
        {
            NameSex.Male => Sex.Male,
            NameSex.Female => Sex.Female,
            _ => Sex.Unknown,
        };

        static string Letter(Sex sex) => sex == Sex.Female ? "F" : "M";
    }

    private double Identifiers(Subject query, ListedEntry entry, List<FeatureExplanation>? features)
    {
        var total = 0.0;
        foreach (var identifier in query.Identifiers)
        {
            var (outcome, bits) = Compare(identifier, entry);
            if (outcome is null)
                continue;
            features?.Add(new FeatureExplanation(Feature(identifier.Type), outcome, bits, identifier.Type.ToString()));
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
        DateAgreement.TwoToFourYearsApart or DateAgreement.FiveToNineYearsApart or DateAgreement.TenOrMoreYearsApart => ExplanationPhrases.YearsApart,
        DateAgreement.Missing => "not listed",
    };
}

/// <summary>A candidate's weight in bits, and the pair of names it came from (null when either side has no name).</summary>
internal readonly record struct Weighed(double Bits, PreparedName? Query, PreparedName? Listed);

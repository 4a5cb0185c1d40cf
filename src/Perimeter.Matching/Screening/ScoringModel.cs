namespace Perimeter.Matching.Screening;

/// <summary>
/// The parameters of the Fellegi–Sunter model: for each level of agreement, how likely it is among true
/// matches (m) and among non-matches (u, taken from the list's own token frequencies where it can be).
/// A level's weight is log2(m/u) bits; a candidate's weight is the sum, and its score the logistic of
/// that sum plus the prior. Bands are thresholds on the score, set on the development benchmark
/// (docs/benchmarks.md), not guessed.
/// </summary>
public sealed record ScoringModel
{
    /// <summary>The model as calibrated on the development benchmark.</summary>
    public static readonly ScoringModel Default = new();

    /// <summary>
    /// Version written with every result so an audit can tell which model scored it: the model's generation and a digest
    /// of every weight and threshold, so that any change to one is a new version ("fs-3.1a2b3c4d").
    /// </summary>
    public string Version => $"fs-3.{Digest.Of([$"scorer={ScorerRevision}", .. typeof(ScoringModel).GetProperties()
        .Where(p => p.PropertyType == typeof(double))
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .Select(p => $"{p.Name}={((double)p.GetValue(this)!).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")])}";

    /// <summary>
    /// Raised whenever the scorer's code changes what a pair scores with the same weights and tables (2: legal-form words
    /// and long coined company words), so that the version tells such changes apart too.
    /// </summary>
    private const int ScorerRevision = 2;

    /// <summary>Log2 prior odds that a screened subject is a given listed entry before any evidence.</summary>
    public double PriorBits { get; init; } = -7.9;

    /// <summary>Scores at or above this are strong (13.7 bits of evidence with the prior): precision 0.996 on the calibration part.</summary>
    public double StrongThreshold { get; init; } = 0.98175;
    /// <summary>
    /// Scores at or above this are possible (6.1 bits of evidence with the prior; with <see cref="ScreeningOptions.MaxGapBits"/> of 2,
    /// recall 0.982 on the calibration part); below it nothing is shown.
    /// </summary>
    public double PossibleThreshold { get; init; } = 0.2171;

    /// <summary>
    /// What the name's own evidence (its parts, the parts left over, a family name) counts for beside everything else:
    /// the parts of one name are not independent (a family shares its surnames, a given name runs in a region), so their
    /// log-odds, summed as if they were, overstate it. Learned on the calibration part with the weights of the evidence
    /// against.
    /// </summary>
    public double NameEvidenceScale { get; init; } = 0.57;

    /// <summary>The same for a company's name, whose words are of another kind (learned on the calibration part's organizations).</summary>
    public double OrganizationEvidenceScale { get; init; } = 0.66;
    /// <summary>A distinctive word of the query's company name (not a legal form or a generic word) that the listed name lacks.</summary>
    public double OrganizationUnmatchedWordBits { get; init; } = -7.4;
    /// <summary>Both company names name their line of business (foods, trading, grupo…) and no such word is shared.</summary>
    public double OrganizationOtherBusinessBits { get; init; } = -12.3;
    /// <summary>A distinctive word of the listed company name that the query lacks.</summary>
    public double OrganizationMissingWordBits { get; init; } = -12.3;

    // P(level | match) for one name part. u comes from the list's frequency of the token (see NameScorer).
    /// <summary>P(exact agreement | match) for one name part: 0.85.</summary>
    public double MExact { get; init; } = 0.85;
    /// <summary>P(nickname or cross-language equivalent | match): Pancho for Francisco.</summary>
    public double MEquivalent { get; init; } = 0.20;
    /// <summary>P(a given name cut short | match): Santi for Santiago, Lupe for Guadalupe, when no table knows the pair.</summary>
    public double MShortened { get; init; } = 0.05;
    /// <summary>P(sound-alike spelling | match): Vargas for Bargas.</summary>
    public double MPhonetic { get; init; } = 0.15;
    /// <summary>P(typing or OCR error within the edit budget | match).</summary>
    public double MTypo { get; init; } = 0.10;
    /// <summary>An initial against a full part: agrees for almost every true match, for about one in fifteen others.</summary>
    public double InitialBits { get; init; } = 3.0;

    /// <summary>A query part the listed name lacks: rare for true matches, usual for others.</summary>
    public double UnmatchedQueryGivenBits { get; init; } = -3.0;
    /// <summary>A query surname the listed name lacks.</summary>
    public double UnmatchedQuerySurnameBits { get; init; } = -4.0;
    /// <summary>A listed part the query lacks: a maternal surname or a second given name is often left out.</summary>
    public double MissingFirstSurnameBits { get; init; } = -3.0;
    /// <summary>The listed maternal (or further) surname, not given in the query.</summary>
    public double MissingOtherSurnameBits { get; init; } = -1.0;
    /// <summary>The listed first given name, not given in the query.</summary>
    public double MissingFirstGivenBits { get; init; } = -2.5;
    /// <summary>A listed second given name, not given in the query.</summary>
    public double MissingOtherGivenBits { get; init; } = -0.8;
    /// <summary>A given name that meets a surname: names written in the other order.</summary>
    public double RoleSwapBits { get; init; } = -0.7;
    /// <summary>Pseudo-entries of a typical list mixed into every token's frequency.</summary>
    public double SmoothingEntries { get; init; } = 2000;
    /// <summary>Share of entries holding a typical name token in a large watchlist.</summary>
    public double TypicalShare { get; init; } = 0.002;
    /// <summary>Both names give given names and none agree: relatives, namesakes.</summary>
    public double GivenNamesConflictBits { get; init; } = -3.0;
    /// <summary>Both names give surnames and none agree: a shared chain of given names, not the same person.</summary>
    public double SurnamesConflictBits { get; init; } = -6.9;
    /// <summary>
    /// Beside a surname they share, each side gives another that the other lacks (another mother's surname: Guzmán
    /// Salazar against Guzmán Loera), on top of what the two unpaired parts cost. One side lacking it costs only that.
    /// </summary>
    public double OtherSurnameConflictBits { get; init; } = -7.8;
    /// <summary>
    /// A given name of one side is the other sex's form of a given name of the other (Joaquina against Joaquín,
    /// María against Mario): a sister or a brother, never a typo; on top of the given names differing.
    /// </summary>
    public double OtherSexNameBits { get; init; } = -9.0;
    /// <summary>Share of the weaker surname's weight taken back when both surnames agree: families share both.</summary>
    public double FamilyNameDiscount { get; init; } = 0.3;
    /// <summary>
    /// Share of the travellers screened who bear the commonest name of the name lists (Hernández, José): a name's
    /// weight uses the larger of its share of the list and its share of people, so a watchlist with few Mexicans on it
    /// does not make "Juan Hernández" rare evidence. About 3.5 % (Census 2000: García 3.7 % of Hispanic Americans).
    /// </summary>
    public double CommonestNameShare { get; init; } = 0.035;
    /// <summary>How fast the share falls with the name's rank r in the lists: share(r) = CommonestNameShare × (1 + r / 8)^−0.9 (about 1 % at the tenth, 0.2 % at the hundredth).</summary>
    public double NameRankExponent { get; init; } = 0.9;
    /// <summary>A whole name part never weighs more than this, however rare.</summary>
    public double MaxPartBits { get; init; } = 12.0;

    /// <summary>Dates of birth agree to the day.</summary>
    public double DobExactBits { get; init; } = 10.9;
    /// <summary>Day and month swapped: 04-07 for 07-04.</summary>
    public double DobSwappedBits { get; init; } = 9.5;
    /// <summary>Year and month agree; one side has no day.</summary>
    public double DobYearMonthBits { get; init; } = 5.1;
    /// <summary>The year agrees; one side gives only the year.</summary>
    public double DobYearBits { get; init; } = 2.7;
    /// <summary>One digit differs or two neighbours are swapped.</summary>
    public double DobTypoBits { get; init; } = 3.1;
    /// <summary>A year apart, the rest agreeing.</summary>
    public double DobYearApartBits { get; init; } = 1.4;
    /// <summary>The known parts contradict within a year.</summary>
    public double DobDifferentBits { get; init; } = -2.3;
    /// <summary>Years of birth two to four apart.</summary>
    public double DobTwoToFourYearsBits { get; init; } = -6.5;
    /// <summary>Years of birth five to nine apart.</summary>
    public double DobFiveToNineYearsBits { get; init; } = -8.1;
    /// <summary>Years of birth ten or more apart: another generation.</summary>
    public double DobTenOrMoreYearsBits { get; init; } = -16.1;

    /// <summary>Both sides give different sexes.</summary>
    public double SexDifferentBits { get; init; } = -5.7;

    /// <summary>Nationality agreement weighs log2(m/u) with u the share of the list holding that nationality.</summary>
    public double MNationality { get; init; } = 0.8;
    /// <summary>Both sides give nationalities and none is shared (people hold several).</summary>
    public double NationalityDifferentBits { get; init; } = -1.5;

    /// <summary>The same normalised number of the same kind: decisive.</summary>
    public double DocumentSameBits { get; init; } = 16.0;
    /// <summary>The same number but for look-alike characters (O/0, I/1).</summary>
    public double DocumentOcrBits { get; init; } = 8.0;
    /// <summary>A different number of the same type from the same issuer.</summary>
    public double DocumentConflictBits { get; init; } = -7.0;

    /// <summary>Share of people bearing the name of rank <paramref name="rank"/> in the name lists; 0 when the lists do not hold it.</summary>
    public double PopulationShare(int rank) => rank < 0 ? 0 : CommonestNameShare * Math.Pow(1 + rank / 8.0, -NameRankExponent);

    /// <summary>The band of a score: strong, possible or none.</summary>
    public Band BandOf(double score) =>
        score >= StrongThreshold ? Band.Strong : score >= PossibleThreshold ? Band.Possible : Band.None;

    /// <summary>Probability from log2 odds: 2^w / (1 + 2^w).</summary>
    public double ScoreOf(double bits) => 1.0 / (1.0 + Math.Pow(2, -(bits + PriorBits)));
}

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

    /// <summary>Version written with every result so an audit can tell which model scored it.</summary>
    public string Version { get; init; } = "fs-3";

    /// <summary>Log2 prior odds that a screened subject is a given listed entry before any evidence.</summary>
    public double PriorBits { get; init; } = -8.0;

    /// <summary>Scores at or above this are strong (11.5 bits of evidence with the prior): precision about 0.95 on the benchmark.</summary>
    public double StrongThreshold { get; init; } = 0.92;
    /// <summary>
    /// Scores at or above this are possible (7 bits of evidence with the prior; with <see cref="ScreeningOptions.MaxGapBits"/> of 3,
    /// recall 0.971 and precision 0.935 on the benchmark's hold-out part); below it nothing is shown.
    /// </summary>
    public double PossibleThreshold { get; init; } = 0.3256;

    // P(level | match) for one name part. u comes from the list's frequency of the token (see NameScorer).
    /// <summary>P(exact agreement | match) for one name part: 0.85.</summary>
    public double MExact { get; init; } = 0.85;
    /// <summary>P(nickname or cross-language equivalent | match): Pancho for Francisco.</summary>
    public double MEquivalent { get; init; } = 0.20;
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
    public double SurnamesConflictBits { get; init; } = -4.0;
    /// <summary>
    /// Beside a surname they share, each side gives another that the other lacks (another mother's surname: Guzmán
    /// Salazar against Guzmán Loera), on top of what the two unpaired parts cost. One side lacking it costs only that.
    /// </summary>
    public double OtherSurnameConflictBits { get; init; } = -4.0;
    /// <summary>
    /// A given name of one side is the other sex's form of a given name of the other (Joaquina against Joaquín,
    /// María against Mario): a sister or a brother, never a typo; on top of the given names differing.
    /// </summary>
    public double OtherSexNameBits { get; init; } = -3.0;
    /// <summary>Share of the weaker surname's weight taken back when both surnames agree: families share both.</summary>
    public double FamilyNameDiscount { get; init; } = 0.3;
    /// <summary>A whole name part never weighs more than this, however rare.</summary>
    public double MaxPartBits { get; init; } = 12.0;

    /// <summary>Dates of birth agree to the day.</summary>
    public double DobExactBits { get; init; } = 7.0;
    /// <summary>Day and month swapped: 04-07 for 07-04.</summary>
    public double DobSwappedBits { get; init; } = 4.5;
    /// <summary>Year and month agree; one side has no day.</summary>
    public double DobYearMonthBits { get; init; } = 4.0;
    /// <summary>The year agrees; one side gives only the year.</summary>
    public double DobYearBits { get; init; } = 2.5;
    /// <summary>One digit differs or two neighbours are swapped.</summary>
    public double DobTypoBits { get; init; } = 2.0;
    /// <summary>A year apart, the rest agreeing.</summary>
    public double DobYearApartBits { get; init; } = 0.5;
    /// <summary>The known parts contradict within a year.</summary>
    public double DobDifferentBits { get; init; } = -5.0;
    /// <summary>Years of birth two to four apart.</summary>
    public double DobTwoToFourYearsBits { get; init; } = -5.0;
    /// <summary>Years of birth five to nine apart.</summary>
    public double DobFiveToNineYearsBits { get; init; } = -6.0;
    /// <summary>Years of birth ten or more apart: another generation.</summary>
    public double DobTenOrMoreYearsBits { get; init; } = -8.0;

    /// <summary>Both sides give the same sex.</summary>
    public double SexSameBits { get; init; } = 0.5;
    /// <summary>Both sides give different sexes.</summary>
    public double SexDifferentBits { get; init; } = -4.0;

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

    /// <summary>The band of a score: strong, possible or none.</summary>
    public Band BandOf(double score) =>
        score >= StrongThreshold ? Band.Strong : score >= PossibleThreshold ? Band.Possible : Band.None;

    /// <summary>Probability from log2 odds: 2^w / (1 + 2^w).</summary>
    public double ScoreOf(double bits) => 1.0 / (1.0 + Math.Pow(2, -(bits + PriorBits)));
}

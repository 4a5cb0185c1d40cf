namespace Perimeter.Matching.Screening;

/// <summary>How strongly a candidate matches: what the officer acts on.</summary>
public enum Band
{
    /// <summary>Below the possible threshold: not shown.</summary>
    None,
    /// <summary>Worth a look: name evidence without confirmation, or confirmation with a weaker name.</summary>
    Possible,
    /// <summary>Very likely the same subject.</summary>
    Strong,
}

/// <summary>One candidate for a screened subject: score in [0, 1], band, and the reasons.</summary>
/// <example><c>Match { Id = …, Score = 0.97, Band = Band.Strong }</c></example>
public sealed record Match(Guid Id, double Score, Band Band, Explanation Explanation);

/// <summary>Why a candidate scored as it did, feature by feature, for the officer who acts on it.</summary>
public sealed record Explanation(
    string MatchedName,
    IReadOnlyList<PartExplanation> NameParts,
    IReadOnlyList<FeatureExplanation> Features,
    double WeightBits)
{
    /// <summary>One line: <c>name: guzman=guzman (exact), joaquin=joaquin (exact); dob: exact</c>.</summary>
    public string Summary()
    {
        var parts = string.Join(", ", NameParts.Select(p => p.ToString()));
        var features = string.Join("; ", Features.Select(f => f.ToString()));
        return features.Length == 0 ? $"name: {parts}" : $"name: {parts}; {features}";
    }
}

/// <summary>How one part of the query name met one part of the listed name.</summary>
/// <example><c>new PartExplanation("pancho", "francisco", PartAgreement.Equivalent, 4.2, "pancho→francisco")</c></example>
public sealed record PartExplanation(string? Query, string? Listed, PartAgreement Agreement, double WeightBits, string? Note = null)
{
    /// <summary>One phrase: <c>guzman=guzman (exact)</c>, <c>loera not given</c>.</summary>
    public override string ToString() => Agreement switch
    {
        PartAgreement.MissingFromQuery => $"{Listed} not given",
        PartAgreement.MissingFromList => $"{Query} not listed",
        _ => $"{Query}={Listed} ({Word(Agreement)}{(Note is null ? "" : $" {Note}")})",
    };

    private static string Word(PartAgreement agreement) => agreement switch
    {
        PartAgreement.Exact => "exact",
        PartAgreement.Equivalent => "nickname",
        PartAgreement.Phonetic => "sounds alike",
        PartAgreement.Typo => "typo",
        PartAgreement.Initial => "initial",
        PartAgreement.MissingFromQuery or PartAgreement.MissingFromList => "missing",
    };
}

/// <summary>How a query name part met a listed one: <c>PartAgreement.Equivalent</c> for Pancho and Francisco.</summary>
public enum PartAgreement
{
    /// <summary>The same letters once accents, case and particles are folded.</summary>
    Exact,
    /// <summary>A nickname or cross-language equivalent: Pepe for José, Guillermo for William.</summary>
    Equivalent,
    /// <summary>Spelled differently, sounding alike: Vargas and Bargas.</summary>
    Phonetic,
    /// <summary>Within the typing-error budget for its length.</summary>
    Typo,
    /// <summary>An initial against a full name: J. for José.</summary>
    Initial,
    /// <summary>A listed part the query does not give.</summary>
    MissingFromQuery,
    /// <summary>A query part the listed name does not have.</summary>
    MissingFromList,
}

/// <summary>One piece of evidence beside the paired parts: date of birth, nationality, sex, a document, or what the name as a whole says.</summary>
/// <example><c>new FeatureExplanation("dob", "exact", 6.5, "1957-04-04")</c></example>
public sealed record FeatureExplanation(string Feature, string Outcome, double WeightBits, string? Detail = null)
{
    /// <summary>
    /// The values the outcome's sentence is written with, in order, when it has a sentence of its own
    /// (<see cref="ExplanationPhrases"/>): <c>["Salazar", "Loera"]</c> for "another mother's surname: Salazar, listed Loera".
    /// </summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Evidence that the two are different people: it weighs against.</summary>
    public bool IsAgainst => WeightBits < 0;

    /// <summary>One phrase: <c>dob: exact (1957-04-04)</c>, <c>name: another mother's surname: Salazar, listed Loera</c>.</summary>
    public override string ToString()
    {
        var outcome = ExplanationPhrases.English(Outcome, Arguments);
        return Detail is null ? $"{Feature}: {outcome}" : $"{Feature}: {outcome} ({Detail})";
    }
}

/// <summary>
/// The outcomes that read as a sentence with values in it, and that sentence in English: the node's console and API
/// give the same sentences in the reader's language from these keys.
/// </summary>
public static class ExplanationPhrases
{
    /// <summary>Beside a shared surname, each side gives a second surname the other lacks.</summary>
    public const string OtherMaternalSurname = "another mother's surname";
    /// <summary>Beside a shared surname, each side gives another the other lacks, the listed one not a second surname.</summary>
    public const string OtherSurname = "another surname";
    /// <summary>The query's given name is the woman's form of the listed man's name.</summary>
    public const string WomansNameAgainstMans = "a woman's name against a man's";
    /// <summary>The query's given name is the man's form of the listed woman's name.</summary>
    public const string MansNameAgainstWomans = "a man's name against a woman's";
    /// <summary>Both surnames agree and no given name does.</summary>
    public const string Relative = "a relative";
    /// <summary>Years of birth two or more apart.</summary>
    public const string YearsApart = "years apart";
    /// <summary>Two company names whose words of their line of business all differ.</summary>
    public const string OtherBusiness = "another line of business";

    private static readonly Dictionary<string, string> Templates = new(StringComparer.Ordinal)
    {
        [OtherMaternalSurname] = "another mother's surname: {0}, listed {1}",
        [OtherSurname] = "another surname: {0}, listed {1}",
        [WomansNameAgainstMans] = "a woman's name against a man's: {0}, listed {1}",
        [MansNameAgainstWomans] = "a man's name against a woman's: {0}, listed {1}",
        [Relative] = "both surnames agree, every given name differs: a relative, not the listed person",
        [YearsApart] = "born {0} years apart ({1} / {2})",
        [OtherBusiness] = "another line of business: {0}, listed {1}",
    };

    /// <summary>The outcome as an English sentence: <c>English("years apart", ["27", "1981", "1954"])</c> → "born 27 years apart (1981 / 1954)".</summary>
    public static string English(string outcome, IReadOnlyList<string> arguments) =>
        Templates.TryGetValue(outcome, out var template)
            ? string.Format(System.Globalization.CultureInfo.InvariantCulture, template, [.. arguments])
            : outcome;
}

using System.Globalization;
using System.Text.RegularExpressions;
using Perimeter.Localization;
using Perimeter.Matching.Screening;

namespace Perimeter.Features.Screening;

/// <summary>
/// A candidate's reasons as sentences in the reader's language (the current UI culture): what weighs for the listed
/// person, what weighs against, and what says nothing either way. The Screen page, the API and the results CSV all
/// take them from here. Texts are in <c>Localization/Messages.resx</c>, keyed by the engine's own words
/// (<c>Outcome.same year</c>, <c>Reason.years apart</c>); a word the node has no text for reads as the engine wrote it.
/// </summary>
public sealed partial record ScreeningReasons(IReadOnlyList<string> For, IReadOnlyList<string> Against, IReadOnlyList<string> Neutral)
{
    public static ScreeningReasons Of(Explanation explanation) => Of(explanation.NameParts, explanation.Features);

    /// <summary>Name parts first, in the order of the names, then the other evidence; each by the sign of its weight.</summary>
    public static ScreeningReasons Of(IReadOnlyList<PartExplanation> nameParts, IReadOnlyList<FeatureExplanation> features)
    {
        var reasons = nameParts.Select(p => (p.WeightBits, Text: Sentence(p)))
            .Concat(features.Select(f => (f.WeightBits, Text: Sentence(f))))
            .ToList();
        return new(
            [.. reasons.Where(r => r.WeightBits > 0).Select(r => r.Text)],
            [.. reasons.Where(r => r.WeightBits < 0).Select(r => r.Text)],
            [.. reasons.Where(r => r.WeightBits == 0).Select(r => r.Text)]);
    }

    /// <summary><c>guzman → guzman (exact)</c>, <c>santi → santiago (nickname shortened)</c>, <c>loera: not given</c>.</summary>
    private static string Sentence(PartExplanation part) => part.Agreement switch
    {
        PartAgreement.MissingFromQuery => Text.Format("PartNotGiven", part.Listed),
        PartAgreement.MissingFromList => Text.Format("PartNotListed", part.Query),
        PartAgreement.Exact or PartAgreement.Equivalent or PartAgreement.Phonetic or PartAgreement.Typo or PartAgreement.Initial =>
            $"{part.Query} → {part.Listed} ({Text.Get($"PartAgreement.{part.Agreement}")}{(part.Note is null ? "" : $" {Word("Note", part.Note)}")})",
    };

    /// <summary>
    /// <c>Date of birth: same year (1957)</c>; an outcome with a sentence of its own stands alone, its values filled in:
    /// <c>born 27 years apart (1981 / 1954)</c>, <c>another mother's surname: Salazar, listed Loera</c>.
    /// </summary>
    private static string Sentence(FeatureExplanation feature)
    {
        var text = Text.Find($"Reason.{feature.Outcome}") is { } sentence
            ? string.Format(CultureInfo.CurrentCulture, sentence, [.. feature.Arguments])
            : $"{Word("Feature", feature.Feature)}: {Text.Find($"Outcome.{feature.Outcome}") ?? ExplanationPhrases.English(feature.Outcome, feature.Arguments)}";
        return feature.Detail is { } detail ? $"{text} ({(feature.Feature == "sex" ? SexDetail(detail) : detail)})" : text;
    }

    private static string Word(string kind, string word) => Text.Find($"{kind}.{word}") ?? word;

    /// <summary>
    /// "F / M (given name)" in the reader's words: in Mexico M is <i>mujer</i>, so in Spanish the sexes are spelled out.
    /// Any other shape is left as the engine wrote it.
    /// </summary>
    private static string SexDetail(string detail)
    {
        var sides = SexSides().Match(detail);
        if (!sides.Success)
            return detail;
        return $"{Side(sides.Groups["query"].Value, sides.Groups["queryByName"].Success)} / {Side(sides.Groups["listed"].Value, sides.Groups["listedByName"].Success)}";

        static string Side(string letter, bool byGivenName) =>
            byGivenName ? $"{Text.Get($"Detail.{letter}")} ({Text.Get("Detail.given name")})" : Text.Get($"Detail.{letter}");
    }

    [GeneratedRegex(@"^(?<query>[FM])(?<queryByName> \(given name\))? / (?<listed>[FM])(?<listedByName> \(given name\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex SexSides();
}

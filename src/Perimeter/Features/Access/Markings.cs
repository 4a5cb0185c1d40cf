using System.Text.Json.Serialization;

namespace Perimeter.Features.Access;

/// <summary>Traffic Light Protocol 2.0 (FIRST): how far the recipient may share.</summary>
[JsonConverter(typeof(TlpJsonConverter))]
public enum Tlp
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

/// <summary>What a recipient may do with what it received.</summary>
public enum Handling
{
    /// <summary>Default: no passing on to anyone else without the originator's consent.</summary>
    ThirdPartyRule,
    /// <summary>Only the agencies named in the release; never further.</summary>
    NoFurtherDissemination,
    /// <summary>May be shared with any agency the release covers.</summary>
    ShareWithinAgreement,
}

/// <summary>Admiralty grading of the source: A (completely reliable) to F (cannot be judged).</summary>
public enum SourceReliability { A, B, C, D, E, F }

/// <summary>Admiralty grading of the information: 1 (confirmed) to 6 (cannot be judged).</summary>
public enum InformationCredibility
{
    Confirmed = 1,
    ProbablyTrue = 2,
    PossiblyTrue = 3,
    DoubtfullyTrue = 4,
    Improbable = 5,
    CannotBeJudged = 6,
}

/// <summary>What an alert may be used for; a request names exactly one.</summary>
[Flags]
[JsonConverter(typeof(PurposesJsonConverter))]
public enum Purposes
{
    None = 0,
    CounterTerrorism = 1 << 0,
    CounterNarcotics = 1 << 1,
    Migration = 1 << 2,
    FirearmsTrafficking = 1 << 3,
    HumanTrafficking = 1 << 4,
    MoneyLaundering = 1 << 5,
    Sanctions = 1 << 6,
    BorderSecurity = 1 << 7,
    MissingPersons = 1 << 8,
}

/// <summary>Every marking an alert carries; access is decided on these alone.</summary>
public sealed record Markings
{
    public Tlp Tlp { get; init; } = Tlp.Amber;
    /// <summary>Agency ids (<c>mx.inm</c>) or ISO 3166 alpha-2 country codes (<c>MX</c>) the alert is released to.</summary>
    public IReadOnlyList<string> ReleasableTo { get; init; } = [];
    public Handling Handling { get; init; } = Handling.ThirdPartyRule;
    public SourceReliability SourceReliability { get; init; } = SourceReliability.F;
    public InformationCredibility InformationCredibility { get; init; } = InformationCredibility.CannotBeJudged;
    public Purposes Purposes { get; init; }
    /// <summary>After this date the alert must be re-confirmed or it expires; null takes the category's default.</summary>
    public DateOnly? ReviewBy { get; init; }
}

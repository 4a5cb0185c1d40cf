using Perimeter.Matching.Names;

namespace Perimeter.Matching.Screening;

/// <summary>The reference data and model a watchlist is built with; built once, then only read.</summary>
/// <example><c>MatchingTables.Default with { Equivalents = GivenNameEquivalents.Default.With(extraPairs) }</c></example>
public sealed record MatchingTables
{
    /// <summary>The embedded name tables and the calibrated model.</summary>
    public static readonly MatchingTables Default = new();

    /// <summary>Nicknames and cross-language equivalents of given names.</summary>
    public GivenNameEquivalents Equivalents { get; init; } = GivenNameEquivalents.Default;

    /// <summary>The weights, prior and band thresholds.</summary>
    public ScoringModel Model { get; init; } = ScoringModel.Default;

    /// <summary>
    /// What an audit record names as the scorer: the model's version and a digest of the name tables (the embedded files
    /// and the nickname pairs, those read at run time included), so that a change to any of them is a new version.
    /// </summary>
    public string Version => $"{Model.Version}+{Digest.Of([NameData.Digest, Equivalents.Digest])}";
}

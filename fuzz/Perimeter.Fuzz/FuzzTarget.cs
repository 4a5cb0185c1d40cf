namespace Perimeter.Fuzz;

/// <summary>
/// One thing to fuzz: what it does with one input. Rejections the product reports as values (an import error, a
/// refused message) are ordinary outcomes; only an exception or a broken promise escapes, and AFL++ counts it a crash.
/// <paramref name="Start"/> does the slow setup before AFL++ starts timing runs.
/// </summary>
public sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run, Action? Start = null);

public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        AlertImportTargets.Csv,
        AlertImportTargets.Json,
        AlertImportTargets.JsonLines,
        OfacTarget.Files,
        ScreeningTargets.Manifest,
        ScreeningTargets.Watchlist,
        NameTarget.Parser,
        FederationTargets.Batch,
        FederationTargets.SignedDocument,
    ];

    public static FuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}

/// <summary>A result the product promised and did not keep: a bug even though nothing threw.</summary>
public sealed class BrokenPromiseException(string message) : Exception(message);

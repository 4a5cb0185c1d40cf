using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

/// <summary>One thing wrong with an import file, where it is: <c>alerts.csv:42: tlp: unknown value "ORANGE"</c>.</summary>
public sealed record ImportError(string File, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Message}" : $"{File}: {Message}";
}

/// <summary>
/// What an import file holds: every alert, or, when anything in the file is wrong, no alert and every error.
/// Bad input changes nothing, so a caller imports <see cref="Alerts"/> whole or not at all.
/// </summary>
public sealed record AlertFile(IReadOnlyList<AlertContent> Alerts, IReadOnlyList<ImportError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    internal static AlertFile Failed(params ImportError[] errors) => new([], errors);
}

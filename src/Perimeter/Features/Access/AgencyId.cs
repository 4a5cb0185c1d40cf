using System.Text.RegularExpressions;

namespace Perimeter.Features.Access;

/// <summary>Agency ids are <c>country.name</c> in lower case: <c>us.cbp</c>, <c>mx.inm</c>, <c>gt.igm</c>.</summary>
public static partial class AgencyId
{
    [GeneratedRegex("^[a-z]{2}\\.[a-z0-9][a-z0-9-]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryShape();

    public static bool IsValid(string? id) => id is not null && Shape().IsMatch(id);

    public static bool IsCountry(string? code) => code is not null && CountryShape().IsMatch(code);

    public static string CountryOf(string agency) =>
        agency.Length >= 2 && agency.IndexOf('.', StringComparison.Ordinal) == 2 ? agency[..2].ToUpperInvariant() : "";

    /// <summary>Normalises a release target: agency ids lower-case, country codes upper-case; null when neither.</summary>
    public static string? NormalizeReleaseTarget(string? target)
    {
        var trimmed = target?.Trim() ?? "";
        if (trimmed.Length == 2 && IsCountry(trimmed.ToUpperInvariant()))
            return trimmed.ToUpperInvariant();
        var lower = trimmed.ToLowerInvariant();
        return IsValid(lower) ? lower : null;
    }
}

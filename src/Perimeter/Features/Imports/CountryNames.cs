using System.Collections.Frozen;
using System.Text;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

/// <summary>
/// Country names and codes to ISO 3166 alpha-2: <c>Mexico</c>, <c>México</c>, <c>MEX</c>, <c>mx</c> → <c>MX</c>;
/// OFAC's spellings too (<c>Korea, North</c> → <c>KP</c>, <c>Burma</c> → <c>MM</c>).
/// </summary>
public static class CountryNames
{
    private const string ResourceName = "Perimeter.Features.Imports.CountryNames.tsv";

    private static readonly Lazy<FrozenDictionary<string, string>> Table = new(Load);

    /// <summary>Reads an alpha-2 or alpha-3 code or an English or Spanish name, ignoring case, accents and punctuation.</summary>
    public static bool TryParse(string? name, out string alpha2)
    {
        alpha2 = "";
        if (string.IsNullOrWhiteSpace(name))
            return false;
        if (Table.Value.TryGetValue(Key(name), out var code))
        {
            alpha2 = code;
            return true;
        }
        return false;
    }

    /// <summary>
    /// Reads the table: <c>alpha-2 TAB alpha-3 TAB English|names TAB Spanish|names</c>, <c>#</c> comments.
    /// A key that two codes claim is a mistake in the file, so it throws.
    /// </summary>
    internal static FrozenDictionary<string, string> Parse(TextReader reader)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var columns = line.Split('\t');
            if (columns.Length != 4 || columns[0].Length != 2 || columns[1].Length != 3)
                throw new InvalidDataException($"{ResourceName}:{lineNumber}: expected alpha-2, alpha-3, English and Spanish names");
            var alpha2 = columns[0];
            IEnumerable<string> keys = [alpha2, columns[1], .. columns[2].Split('|'), .. columns[3].Split('|')];
            foreach (var key in keys.Where(k => k.Length > 0).Select(Key))
            {
                if (table.TryGetValue(key, out var other) && !string.Equals(other, alpha2, StringComparison.Ordinal))
                    throw new InvalidDataException($"{ResourceName}:{lineNumber}: \"{key}\" is both {other} and {alpha2}");
                table[key] = alpha2;
            }
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(CountryNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader);
    }

    // "Côte d'Ivoire", "Cote d Ivoire" and "COTE D'IVOIRE" are one key: "cote d ivoire"; "&" reads as "and".
    private static string Key(string name)
    {
        var folded = AlertContent.Fold(name.Replace("&", " and ", StringComparison.Ordinal));
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
                builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != ' ')
                builder.Append(' ');
        }
        return builder.ToString().TrimEnd();
    }
}

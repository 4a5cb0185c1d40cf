namespace Perimeter.Features.Demo;

/// <summary>Vehicle identification numbers (ISO 3779), with the check digit that North American VINs carry at position 9.</summary>
public static class Vin
{
    // 49 CFR 565.15: position weights, and the value of each letter (I, O and Q are never used).
    private static ReadOnlySpan<int> Weights => [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    private const string LetterValues = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static ReadOnlySpan<int> Values => [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>
    /// The check digit (0–9 or X) a 17-character VIN must carry at position 9, whatever is there now:
    /// <c>CheckDigit("1M8GDM9AXKP042788")</c> → <c>'X'</c>.
    /// </summary>
    public static char CheckDigit(string vin)
    {
        if (vin.Length != 17)
            throw new ArgumentException($"a VIN has 17 characters, got {vin.Length}", nameof(vin));
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += ValueOf(vin[i]) * Weights[i];
        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>Whether position 9 holds the right check digit: <c>HasValidCheckDigit("11111111111111111")</c> → true.</summary>
    public static bool HasValidCheckDigit(string vin) => vin.Length == 17 && IsTransliterable(vin) && vin[8] == CheckDigit(vin);

    /// <summary>The same VIN with its check digit put in place: <c>WithCheckDigit("1M8GDM9A0KP042788")</c> → <c>1M8GDM9AXKP042788</c>.</summary>
    public static string WithCheckDigit(string vin) => string.Concat(vin.AsSpan(0, 8), [CheckDigit(vin)], vin.AsSpan(9));

    private static bool IsTransliterable(string vin) =>
        vin.All(c => char.IsAsciiDigit(c) || LetterValues.Contains(c, StringComparison.Ordinal));

    private static int ValueOf(char c)
    {
        if (char.IsAsciiDigit(c))
            return c - '0';
        var index = LetterValues.IndexOf(c, StringComparison.Ordinal);
        return index >= 0 ? Values[index] : throw new ArgumentException($"'{c}' cannot appear in a VIN", nameof(c));
    }
}

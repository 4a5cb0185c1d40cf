namespace Perimeter.Matching.Evidence;

/// <summary>How two VINs agree, strongest first: <c>Vin.Compare("1M8GDM9AXKP042788", "1M8GDM9AXKPO42788")</c> → <c>OcrVariant</c>.</summary>
public enum VinAgreement
{
    /// <summary>The same normalised VIN.</summary>
    Same,

    /// <summary>Differences only where OCR or a hand confuses characters (O/Q/0, I/1, S/5, B/8, Z/2).</summary>
    OcrVariant,

    /// <summary>17 characters each, differing only at position 9, the check digit: one side miscopied or computed it.</summary>
    SameExceptCheckDigit,

    /// <summary>Same length, one other character different: a typo, or a sibling vehicle of the same series.</summary>
    OneCharacter,

    /// <summary>Anything else.</summary>
    Different,

    /// <summary>Either side has no VIN.</summary>
    Missing,
}

/// <summary>Vehicle identification numbers (ISO 3779), with the check digit that North American VINs carry at position 9.</summary>
public static class Vin
{
    /// <summary>A modern VIN's length: <c>"1M8GDM9AXKP042788".Length</c> → 17.</summary>
    public const int Length = 17;

    // 49 CFR 565.15: position weights, and the value of each letter (I, O and Q are never used).
    private static ReadOnlySpan<int> Weights => [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    private const string Letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static ReadOnlySpan<int> LetterValues => [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
    private const int CheckDigitPosition = 8;

    /// <summary>Upper-cases and drops separators, nothing else: <c>Normalize("1m8-gdm9 axkp042788")</c> → <c>"1M8GDM9AXKP042788"</c>.</summary>
    public static string Normalize(ReadOnlySpan<char> raw) => DocumentNumber.Normalize(raw);

    /// <summary>
    /// The normalised VIN with the letters a VIN never uses read as the digits they were mistaken for (I → 1, O and Q → 0):
    /// <c>NormalizeOcrTolerant("1m8gdm9axkpo42788")</c> → <c>"1M8GDM9AXKP042788"</c>.
    /// </summary>
    public static string NormalizeOcrTolerant(ReadOnlySpan<char> raw)
    {
        var normalized = Normalize(raw);
        return string.Create(normalized.Length, normalized, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
                span[i] = text[i] switch { 'I' => '1', 'O' or 'Q' => '0', var c => c };
        });
    }

    /// <summary>Whether a normalised VIN has 17 characters from the VIN alphabet (no I, O or Q): <c>IsWellFormed("1M8GDM9AXKP042788")</c> → true.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> vin)
    {
        if (vin.Length != Length)
            return false;
        foreach (var c in vin)
        {
            if (!char.IsAsciiDigit(c) && !Letters.Contains(c, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <summary>
    /// The check digit (0–9 or X) a well-formed VIN must carry at position 9, whatever is there now:
    /// <c>CheckDigit("1M8GDM9AXKP042788")</c> → <c>'X'</c>.
    /// </summary>
    public static char CheckDigit(ReadOnlySpan<char> vin)
    {
        if (!IsWellFormed(vin))
            throw new ArgumentException("a check digit needs a well-formed 17-character VIN", nameof(vin));
        var sum = 0;
        for (var i = 0; i < Length; i++)
            sum += ValueOf(vin[i]) * Weights[i];
        var remainder = sum % 11;
        return remainder == 10 ? 'X' : (char)('0' + remainder);
    }

    /// <summary>
    /// Whether a well-formed VIN holds the right check digit at position 9 (North America requires one; elsewhere it
    /// is optional): <c>HasValidCheckDigit("11111111111111111")</c> → true.
    /// </summary>
    public static bool HasValidCheckDigit(ReadOnlySpan<char> vin) => IsWellFormed(vin) && vin[CheckDigitPosition] == CheckDigit(vin);

    /// <summary>
    /// How two VINs agree after normalising both: <c>Compare("1M8GDM9AXKP042788", "1M8GDM9A0KP042788")</c> →
    /// <c>SameExceptCheckDigit</c>. Old and non-standard VINs of other lengths compare too.
    /// </summary>
    public static VinAgreement Compare(string? a, string? b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
            return VinAgreement.Missing;
        if (x == y)
            return VinAgreement.Same;
        if (OcrConfusion.AreVariants(x, y))
            return VinAgreement.OcrVariant;
        if (x.Length != y.Length)
            return VinAgreement.Different;
        // Confusable characters count as equal here, so a misread plus a wrong check digit is still one difference.
        var differences = OcrConfusion.CountDifferences(OcrConfusion.FoldAll(x), OcrConfusion.FoldAll(y), out var first);
        return differences != 1 ? VinAgreement.Different
            : x.Length == Length && first == CheckDigitPosition ? VinAgreement.SameExceptCheckDigit
            : VinAgreement.OneCharacter;
    }

    private static int ValueOf(char c) => char.IsAsciiDigit(c) ? c - '0' : LetterValues[Letters.IndexOf(c, StringComparison.Ordinal)];
}

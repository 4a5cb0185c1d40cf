using CsCheck;

namespace Perimeter.Matching.Tests.Properties;

/// <summary>Text that is not a name: any UTF-16 code unit, weighted towards those that trip up text handling.</summary>
internal static class AnyText
{
    // Lone and paired surrogates, controls, bidi marks and isolates, joiners, combining and enclosing marks, letters
    // whose case or compatibility forms change length, and the quotes and punctuation the name parser reads.
    private const string Awkward =
        "\uD800\uDBFF\uDC00\uDFFF\0\u0007\t\n\r\u0085\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"
        + "\u200B\u200C\u200D\uFEFF\u0301\u0308\u0327\u0903\u20DDİıßẞǅﬁ①²ⅫΩK"
        + "\"'‘’“”«»<,.-‐‑–`´&/() ";

    private static readonly Gen<char> Character = Gen.Frequency(
        (3, Gen.Char['\0', '\uFFFF']),
        (3, Gen.Char[Awkward]),
        (4, Gen.Char["aeiouyjdlsñé AEIOUYJDLSÑÉ"]));

    public static readonly Gen<string> Short = Character.Array[0, 40].Select(chars => new string(chars));

    public static readonly Gen<string> Long = Character.Array[1_000, 10_000].Select(chars => new string(chars));

    /// <summary>A failing example as a C# literal, so that a lone surrogate or a bidi mark can be read and pasted.</summary>
    public static string Show(string text) =>
        "\"" + string.Concat(text.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : $"\\u{(int)c:X4}")) + "\"";
}

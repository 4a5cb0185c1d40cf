using System.Buffers;
using System.Collections.Frozen;

namespace Perimeter.Matching.Evidence;

/// <summary>
/// Mexico's population registry key (CURP), by RENAPO's Instructivo Normativo para la Asignación de la CURP: four
/// letters from the name, the date of birth, sex, state of birth, three consonants, a differentiator and a check digit:
/// <c>HEGG560427MVZRRL04</c>.
/// </summary>
public static class Curp
{
    /// <summary>A CURP's length: <c>"HEGG560427MVZRRL04".Length</c> → 18.</summary>
    public const int Length = 18;

    // The check digit's alphabet: each character is worth its index, so Ñ (24) sits between N and O.
    private const string CheckAlphabet = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";

    // Position 2 is the paternal surname's first internal vowel, or X when it has none or the four letters would
    // spell a word the registry refuses to issue.
    private static readonly SearchValues<char> VowelOrX = SearchValues.Create("AEIOUX");
    private static readonly SearchValues<char> Consonants = SearchValues.Create("BCDFGHJKLMNPQRSTVWXYZ");

    // H (hombre), M (mujer), and X, which the registry has recently begun to issue for non-binary persons.
    private static readonly SearchValues<char> SexLetters = SearchValues.Create("HMX");

    // RENAPO's codes for the 32 states, and NE (nacido en el extranjero) for births abroad.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StateCodes = new[]
    {
        "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN", "MS",
        "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS", "NE",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether a normalised CURP has the official structure, a real date of birth, a known state code and the right
    /// check digit: <c>IsWellFormed("HEGG560427MVZRRL04")</c> → true, <c>IsWellFormed("HEGG560427MVZRRL05")</c> → false.
    /// </summary>
    public static bool IsWellFormed(ReadOnlySpan<char> curp) =>
        HasValidStructure(curp) && curp[17] == CheckDigit(curp[..17]);

    /// <summary>Whether position 18 holds the check digit of the first 17: <c>HasValidCheckDigit("BEML920313HMCLNS09")</c> → true.</summary>
    public static bool HasValidCheckDigit(ReadOnlySpan<char> curp) =>
        curp.Length == Length && IsInAlphabet(curp[..17]) && curp[17] == CheckDigit(curp[..17]);

    /// <summary>
    /// The 18th character from the first 17 (weights 18 down to 2, 10 − sum mod 10, 10 read as 0):
    /// <c>CheckDigit("HEGG560427MVZRRL0")</c> → <c>'4'</c>.
    /// </summary>
    public static char CheckDigit(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException($"expected the first 17 characters of a CURP, got {first17.Length}", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = CheckAlphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
                throw new ArgumentException($"'{first17[i]}' cannot appear in a CURP", nameof(first17));
            sum += value * (18 - i);
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>
    /// The date of birth a structurally valid CURP encodes, the century read from the differentiator (a digit before
    /// 2000, a letter from 2000): <c>TryReadDateOfBirth("HEGG560427MVZRRL04", out var d)</c> → true, d = 1956-04-27.
    /// </summary>
    public static bool TryReadDateOfBirth(ReadOnlySpan<char> curp, out DateOnly dateOfBirth)
    {
        dateOfBirth = default;
        if (curp.Length < 17 || !IsDigits(curp[4..10]))
            return false;
        var century = char.IsAsciiDigit(curp[16]) ? 1900 : char.IsAsciiLetterUpper(curp[16]) ? 2000 : -1;
        if (century < 0)
            return false;
        var year = century + Number(curp[4..6]);
        var month = Number(curp[6..8]);
        var day = Number(curp[8..10]);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        dateOfBirth = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>Whether a two-letter code is one of RENAPO's state codes, <c>NE</c> included: <c>IsStateCode("VZ")</c> → true.</summary>
    public static bool IsStateCode(ReadOnlySpan<char> code) => StateCodes.Contains(code);

    // Positions 1–17 against the official pattern: [A-Z][AEIOUX][A-Z]{2} YYMMDD [HMX] state [consonant]{3} [0-9A-Z].
    private static bool HasValidStructure(ReadOnlySpan<char> curp) =>
        curp.Length == Length
        && char.IsAsciiLetterUpper(curp[0]) && VowelOrX.Contains(curp[1])
        && char.IsAsciiLetterUpper(curp[2]) && char.IsAsciiLetterUpper(curp[3])
        && TryReadDateOfBirth(curp, out _)
        && SexLetters.Contains(curp[10])
        && IsStateCode(curp[11..13])
        && Consonants.Contains(curp[13]) && Consonants.Contains(curp[14]) && Consonants.Contains(curp[15])
        && (char.IsAsciiDigit(curp[16]) || char.IsAsciiLetterUpper(curp[16]))
        && char.IsAsciiDigit(curp[17]);

    private static bool IsInAlphabet(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!CheckAlphabet.Contains(c, StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits) => ((digits[0] - '0') * 10) + (digits[1] - '0');
}

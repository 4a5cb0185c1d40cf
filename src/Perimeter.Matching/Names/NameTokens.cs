using System.Globalization;
using System.Text;

namespace Perimeter.Matching.Names;

/// <summary>How a written word was cased: "GUZMAN" <see cref="Upper"/>, "Guzmán" <see cref="Mixed"/>; a single letter says nothing.</summary>
internal enum WordCase { Neutral, Upper, Lower, Mixed }

/// <summary>One written word, folded, with what the writing told us: its case, a dot after it, a hyphen before it.</summary>
internal readonly record struct NameToken(string Word, WordCase Case, bool Dotted, bool HyphenBefore);

/// <summary>Turns written names into words: quoted aliases out, then folded words with their case, dots and hyphens.</summary>
internal static class NameTokens
{
    private static readonly string[] AliasMarkers = ["alias", "aka", "a.k.a.", "a/k/a"];

    /// <summary>Takes quoted aliases out of the name: `Joaquín "El Chapo" Guzmán` → "Joaquín   Guzmán" and ["El Chapo"].</summary>
    public static string ExtractNicknames(string raw, List<string> nicknames)
    {
        var text = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            var atWordStart = i == 0 || !char.IsLetterOrDigit(raw[i - 1]);
            var close = c switch
            {
                '"' or '“' or '”' => raw.IndexOfAny(['"', '”', '“'], i + 1),
                '«' => raw.IndexOf('»', i + 1),
                // A single quote opens an alias only at a word start, so "O'Brien" keeps its apostrophe.
                '\'' or '‘' when atWordStart => ClosingSingleQuote(raw, i + 1),
                _ => -1,
            };
            if (close > i + 1)
            {
                nicknames.Add(raw[(i + 1)..close]);
                DropTrailingAliasMarker(text);
                text.Append(' ');
                i = close + 1;
            }
            else
            {
                text.Append(c is '"' or '“' or '”' or '«' or '»' ? ' ' : c);
                i++;
            }
        }
        return text.ToString();
    }

    private static int ClosingSingleQuote(string raw, int from)
    {
        for (var k = from + 1; k < raw.Length; k++)
        {
            if (raw[k] is '\'' or '’' && (k + 1 == raw.Length || !char.IsLetterOrDigit(raw[k + 1])))
                return k;
        }
        return -1;
    }

    private static void DropTrailingAliasMarker(StringBuilder text)
    {
        var written = text.ToString().TrimEnd();
        foreach (var marker in AliasMarkers)
        {
            if (written.EndsWith(marker, StringComparison.OrdinalIgnoreCase)
                && (written.Length == marker.Length || !char.IsLetter(written[^(marker.Length + 1)])))
            {
                text.Length = written.Length - marker.Length;
                return;
            }
        }
    }

    /// <summary>Splits text into folded words, noting each word's case, a dot after it and a hyphen before it: "Ma. Hernández-García".</summary>
    public static List<NameToken> Tokenize(string text)
    {
        var tokens = new List<NameToken>();
        var word = new StringBuilder();
        var hyphenPending = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
                continue;
            }
            // "O'Brien", "D'Angelo": an apostrophe inside a word is part of it.
            if (c is '\'' or '’' or '`' or '´' && word.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
                continue;
            if (word.Length > 0)
            {
                AddToken(tokens, word.ToString(), dotted: c == '.', hyphenPending);
                word.Clear();
                hyphenPending = false;
            }
            if (c is '-' or '‐' or '‑' or '–' && tokens.Count > 0)
                hyphenPending = true;
        }
        if (word.Length > 0)
            AddToken(tokens, word.ToString(), dotted: false, hyphenPending);
        return tokens;
    }

    private static void AddToken(List<NameToken> tokens, string written, bool dotted, bool hyphenBefore)
    {
        var folded = LettersForDigits(NameText.Fold(written));
        if (folded.Length == 0)
            return;
        var wordCase = CaseOf(written);
        var words = folded.Split(' ');
        for (var i = 0; i < words.Length; i++)
            tokens.Add(new NameToken(words[i], wordCase, dotted && i == words.Length - 1, hyphenBefore && i == 0));
    }

    /// <summary>
    /// A name holds no digits: in a word that mixes them with letters, a digit is a letter misread by OCR or mistyped,
    /// and is read as the letter it looks like: "m1rjan" → "mirjan", "5haykh" → "shaykh", "a8u" → "abu".
    /// </summary>
    private static string LettersForDigits(string folded)
    {
        if (!folded.AsSpan().ContainsAnyInRange('0', '9') || !folded.Any(char.IsAsciiLetter))
            return folded;
        return string.Create(folded.Length, folded, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '0' => 'o',
                    '1' => 'i',
                    '2' => 'z',
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '6' => 'g',
                    '7' => 't',
                    '8' => 'b',
                    '9' => 'g',
                    var c => c,
                };
            }
        });
    }

    private static WordCase CaseOf(string written)
    {
        int letters = 0, upper = 0, lower = 0;
        foreach (var c in written)
        {
            if (!char.IsLetter(c))
                continue;
            letters++;
            if (char.IsUpper(c))
                upper++;
            else if (char.IsLower(c))
                lower++;
        }
        if (letters <= 1)
            return WordCase.Neutral;
        if (upper == letters)
            return WordCase.Upper;
        return lower == letters ? WordCase.Lower : WordCase.Mixed;
    }
}

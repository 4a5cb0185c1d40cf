using System.Globalization;
using System.Text;

namespace Perimeter.Matching.Names;

/// <summary>Folding shared by every name comparison: what two spellings must agree on to count as the same letters.</summary>
public static class NameText
{
    /// <summary>Lower case without accents or marks, punctuation as spaces, spaces collapsed: "JOSÉ  Núñez-Peña" → "jose nunez pena".</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var decomposed = Normalizable(text).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }

    // Normalize throws on what is not text: half a surrogate pair (a string cut inside a character) and U+FFFE (a
    // byte-order mark read the wrong way round). Each folds to a space, as every other non-letter does.
    private static string Normalizable(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyInRange('\uD800', '\uDFFF') && !text.Contains('\uFFFE'))
            return text.ToString();
        var chars = text.ToArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                i++;
            else if (char.IsSurrogate(chars[i]) || chars[i] == '\uFFFE')
                chars[i] = ' ';
        }
        return new string(chars);
    }
}

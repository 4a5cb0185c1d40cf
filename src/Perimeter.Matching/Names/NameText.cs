using System.Globalization;
using System.Text;

namespace Perimeter.Matching.Names;

/// <summary>Folding shared by every name comparison: what two spellings must agree on to count as the same letters.</summary>
public static class NameText
{
    /// <summary>Lower case without accents or marks, punctuation as spaces, spaces collapsed: "JOSÉ  Núñez-Peña" → "jose nunez pena".</summary>
    public static string Fold(ReadOnlySpan<char> text)
    {
        var decomposed = text.ToString().Normalize(NormalizationForm.FormKD);
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
}

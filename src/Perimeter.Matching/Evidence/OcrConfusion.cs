using System.Diagnostics;

namespace Perimeter.Matching.Evidence;

/// <summary>
/// Letters and digits that OCR, and people copying by hand, mistake for each other in document numbers, VINs, plates
/// and serials: O and Q for 0, I for 1, S for 5, B for 8, Z for 2.
/// </summary>
/// <remarks>
/// One table for every identifier: the same scanners and the same hands read them all. Q is in it because VINs never
/// use Q (it is always a misread 0); G/6 and D/0 are left out until data shows they are common enough to pay for the
/// false matches they would bring.
/// </remarks>
internal static class OcrConfusion
{
    /// <summary>The digit a confusable letter stands for, other characters unchanged: <c>Fold('O')</c> → <c>'0'</c>.</summary>
    public static char Fold(char c) => c switch
    {
        'O' or 'Q' => '0',
        'I' => '1',
        'S' => '5',
        'B' => '8',
        'Z' => '2',
        _ => c,
    };

    /// <summary>Every confusable letter read as its digit: <c>FoldAll("SB1O")</c> → <c>"5810"</c>.</summary>
    public static string FoldAll(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = Fold(source[i]);
        });

    /// <summary>
    /// Whether two normalised identifiers differ, but only by confusable characters:
    /// <c>AreVariants("AB1O5", "A81O5")</c> → true; equal strings are not variants.
    /// </summary>
    public static bool AreVariants(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length || a.SequenceEqual(b))
            return false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && Fold(a[i]) != Fold(b[i]))
                return false;
        }
        return true;
    }

    /// <summary>How many positions of two same-length identifiers differ, and the first: <c>CountDifferences("AB12", "AB13", out var first)</c> → 1, first = 3.</summary>
    public static int CountDifferences(ReadOnlySpan<char> a, ReadOnlySpan<char> b, out int first)
    {
        Debug.Assert(a.Length == b.Length, "only identifiers of one length are compared position by position");
        first = -1;
        var count = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
                continue;
            if (count++ == 0)
                first = i;
        }
        return count;
    }
}

using System.Buffers;
using System.Diagnostics;

namespace Perimeter.Matching.Phonetics;

/// <summary>A phonetic key for names spelled the Spanish way, so sound-alike spellings meet: "hernandez" and "ernandes" → "ern*nd*s".</summary>
/// <remarks>
/// Our own rules, written for Latin American names as folded by <c>NameText.Fold</c> (MATCHING.md §4 lists why the
/// published Spanish keys do not fit). Consonants, one output symbol per sound:
/// <list type="bullet">
/// <item>b and v → b; ll and consonant y → y; h is silent everywhere (Hernández = Ernández), except in ch;</item>
/// <item>c before e, i, y and s, z → s (seseo); c elsewhere, k, and qu → k (the u after q is silent);</item>
/// <item>g before e, i, y and j → j; gue, gui → g (the u is silent; folding has already turned ü into u);</item>
/// <item>ch → c, kept apart from k and s; ph → f; x → j only in the words of <see cref="JotaStems"/>, else x;</item>
/// <item>ñ has become n in folding; a repeated consonant symbol is written once (rr → r, nn → n, cc → ks stays).</item>
/// </list>
/// Vowels: a run of vowels, including y before a consonant or at the end and any silent h inside, is one group.
/// The first group keeps its first letter, a group that ends the word keeps its last letter, and every other group
/// becomes the class symbol '*'. So a typo in an inner vowel survives (Gonzalez = Gonzelez), while the first vowel
/// and the final one, which carries gender in Spanish, still tell names apart: Pérez "per*s" ≠ Paz "pas",
/// Mario "maro" ≠ María "mara". The key is never cut to a fixed length (Hernández ≠ Hernán).
/// </remarks>
public static class SpanishKey
{
    /// <summary>The symbol for an inner vowel group: "gonzalez" → "gons*l*s".</summary>
    public const char InnerVowel = '*';

    // Tokens of names are short; longer input (a glued compound) goes to the pool.
    private const int StackLimit = 64;

    // Words whose x is the old spelling of the jota sound (México, Oaxaca, Xavier): the x inside the stem reads as j.
    // Everything else keeps x (Maximiliano, Xóchitl, Alexander, Roxana), because there x sounds ks or s.
    private static readonly string[] JotaStems =
        ["mexi", "oaxac", "texa", "xavi", "ximen", "xalap", "xalis", "xerez", "quixot"];

    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiou");
    private static readonly SearchValues<char> FrontVowels = SearchValues.Create("eiy");

    /// <summary>The key of one folded token: "vargas" → "barg*s", "xavier" → "jab*r", "quintero" → "kint*ro".</summary>
    public static string Encode(ReadOnlySpan<char> folded)
    {
        char[]? rented = null;
        var buffer = folded.Length <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(folded.Length));
        var length = Encode(folded, buffer);
        var key = new string(buffer[..length]);
        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return key;
    }

    /// <summary>Writes the key of a folded token into <paramref name="key"/> (at least as long as the token) and returns its length: "llamas" → "yam*s", 5.</summary>
    internal static int Encode(ReadOnlySpan<char> folded, Span<char> key)
    {
        Debug.Assert(key.Length >= folded.Length, "Every letter writes at most one symbol.");
        var jotaAt = JotaPosition(folded);
        var length = 0;
        var groups = 0;
        var i = 0;
        while (i < folded.Length)
        {
            var c = folded[i];
            if (IsVowelAt(folded, i))
            {
                var start = i;
                var last = i;
                while (i < folded.Length && (folded[i] == 'h' || IsVowelAt(folded, i)))
                {
                    if (folded[i] != 'h')
                        last = i;
                    i++;
                }
                var symbol = groups == 0 ? AsVowel(folded[start])
                    : i == folded.Length ? AsVowel(folded[last])
                    : InnerVowel;
                key[length++] = symbol;
                groups++;
                continue;
            }

            var next = At(folded, i + 1);
            var (sound, width) = c switch
            {
                'b' or 'v' => ('b', 1),
                'c' when next == 'h' => ('c', 2),
                'c' when FrontVowels.Contains(next) => ('s', 1),
                'c' or 'k' => ('k', 1),
                'q' when next == 'u' => ('k', 2),
                'q' => ('k', 1),
                'g' when FrontVowels.Contains(next) => ('j', 1),
                'g' when next == 'u' && FrontVowels.Contains(At(folded, i + 2)) => ('g', 2),
                'h' => ('\0', 1),
                'l' when next == 'l' => ('y', 2),
                'p' when next == 'h' => ('f', 2),
                's' or 'z' => ('s', 1),
                'x' when i == jotaAt => ('j', 1),
                _ => (c, 1),
            };
            i += width;
            if (sound != '\0' && (length == 0 || key[length - 1] != sound))
                key[length++] = sound;
        }
        return length;
    }

    // y is a vowel unless a vowel follows it (Ybarra = Ibarra, Rey; but Reyes, Yolanda).
    private static bool IsVowelAt(ReadOnlySpan<char> folded, int i) =>
        Vowels.Contains(folded[i]) || (folded[i] == 'y' && !Vowels.Contains(At(folded, i + 1)));

    private static char AsVowel(char c) => c == 'y' ? 'i' : c;

    private static char At(ReadOnlySpan<char> folded, int i) => i < folded.Length ? folded[i] : '\0';

    private static int JotaPosition(ReadOnlySpan<char> folded)
    {
        if (!folded.Contains('x'))
            return -1;
        foreach (var stem in JotaStems)
        {
            if (folded.StartsWith(stem, StringComparison.Ordinal))
                return stem.IndexOf('x', StringComparison.Ordinal);
        }
        return -1;
    }
}

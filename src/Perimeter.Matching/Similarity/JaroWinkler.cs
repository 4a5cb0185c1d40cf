using System.Buffers;

namespace Perimeter.Matching.Similarity;

/// <summary>Jaro–Winkler similarity of two tokens, 0 to 1: Similarity("martha", "marhta") ≈ 0.961.</summary>
/// <remarks>
/// Jaro (1989) counts characters that agree within half the longer length, less half the transposed ones; Winkler
/// (1990) adds 0.1 of the remaining gap per shared leading character, at most 4, and only when Jaro is above 0.7,
/// as in his comparator, so weak pairs are not lifted by a shared initial. Half the transpositions are rounded down,
/// also as there. Allocation-free: match flags live on the stack up to a limit, in the pool above it.
/// </remarks>
public static class JaroWinkler
{
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;
    private const double BoostThreshold = 0.7;
    private const int StackLimit = 64;

    /// <summary>1 for equal tokens, 0 when no characters agree: Similarity("dwayne", "duane") = 0.84.</summary>
    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.SequenceEqual(b))
            return 1.0;
        if (a.Length == 0 || b.Length == 0)
            return 0.0;

        var jaro = Jaro(a, b);
        if (jaro <= BoostThreshold)
            return jaro;
        var prefix = Math.Min(MaxPrefix, a.CommonPrefixLength(b));
        return jaro + (prefix * PrefixScale * (1.0 - jaro));
    }

    private static double Jaro(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var flagsLength = a.Length + b.Length;
        bool[]? rented = null;
        var flags = flagsLength <= StackLimit
            ? stackalloc bool[StackLimit]
            : (rented = ArrayPool<bool>.Shared.Rent(flagsLength));
        flags = flags[..flagsLength];
        flags.Clear();
        var inA = flags[..a.Length];
        var inB = flags[a.Length..];

        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var end = Math.Min(b.Length, i + window + 1);
            for (var j = Math.Max(0, i - window); j < end; j++)
            {
                if (!inB[j] && a[i] == b[j])
                {
                    inA[i] = inB[j] = true;
                    matches++;
                    break;
                }
            }
        }

        var outOfOrder = 0;
        if (matches > 0)
        {
            var j = 0;
            for (var i = 0; i < a.Length; i++)
            {
                if (!inA[i])
                    continue;
                while (!inB[j])
                    j++;
                if (a[i] != b[j])
                    outOfOrder++;
                j++;
            }
        }
        if (rented is not null)
            ArrayPool<bool>.Shared.Return(rented);
        if (matches == 0)
            return 0.0;

        double m = matches;
        var transpositions = outOfOrder / 2;
        return ((m / a.Length) + (m / b.Length) + ((m - transpositions) / m)) / 3.0;
    }
}

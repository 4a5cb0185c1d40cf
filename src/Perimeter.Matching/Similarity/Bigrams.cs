using System.Buffers;

namespace Perimeter.Matching.Similarity;

/// <summary>Character-bigram overlap for garbled tokens, where edit distance gives up: Dice("night", "nacht") = 0.25.</summary>
public static class Bigrams
{
    private const int StackLimit = 64;

    /// <summary>Dice coefficient over the bigrams of both tokens, counted with repeats, 0 to 1: Dice("guzman", "guzmna") = 0.6.</summary>
    /// <remarks>Twice the shared bigrams over all bigrams. A token of fewer than two letters has none, so it scores 1 only against itself.</remarks>
    public static double Dice(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < 2 || b.Length < 2)
            return a.SequenceEqual(b) ? 1.0 : 0.0;

        var total = a.Length - 1 + b.Length - 1;
        int[]? rented = null;
        var buffer = total <= StackLimit
            ? stackalloc int[StackLimit]
            : (rented = ArrayPool<int>.Shared.Rent(total));
        var left = Fill(a, buffer[..(a.Length - 1)]);
        var right = Fill(b, buffer.Slice(a.Length - 1, b.Length - 1));

        var shared = 0;
        var i = 0;
        var j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (left[i] < right[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        if (rented is not null)
            ArrayPool<int>.Shared.Return(rented);
        return 2.0 * shared / total;
    }

    private static Span<int> Fill(ReadOnlySpan<char> token, Span<int> bigrams)
    {
        for (var i = 0; i < bigrams.Length; i++)
            bigrams[i] = (token[i] << 16) | token[i + 1];
        bigrams.Sort();
        return bigrams;
    }
}

using System.Buffers;
using System.Diagnostics;

namespace Perimeter.Matching.Similarity;

/// <summary>Edit distances between tokens and how many edits still count as a typo: DamerauLevenshtein("guzman", "guzmna", 2) = 1.</summary>
public static class Edits
{
    // Row cells kept on the stack for tokens up to this length; longer ones rent from the pool.
    private const int StackLimit = 64;

    /// <summary>Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), or max + 1 once it must exceed max: ("garcia", "grazia", 1) = 2.</summary>
    /// <remarks>
    /// Common prefix and suffix are dropped first; then three DP rows over the shorter token, each filled only within
    /// max of the diagonal (cells outside cannot lead to a result within max). A row whose best cell exceeds max ends
    /// the work: every path to the last cell passes through that row or, by a swap, through the row before, whose
    /// cells are at most one less.
    /// </remarks>
    public static int DamerauLevenshtein(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        while (a.Length > 0 && b.Length > 0 && a[^1] == b[^1])
        {
            a = a[..^1];
            b = b[..^1];
        }
        if (a.Length < b.Length)
        {
            var shorter = a;
            a = b;
            b = shorter;
        }

        var beyond = max + 1;
        if (a.Length - b.Length > max)
            return beyond;
        if (b.Length == 0)
            return a.Length;

        var width = b.Length + 1;
        int[]? rented = null;
        var cells = width <= StackLimit + 1
            ? stackalloc int[3 * (StackLimit + 1)]
            : (rented = ArrayPool<int>.Shared.Rent(3 * width));
        var distance = Banded(a, b, max, cells[..width], cells.Slice(width, width), cells.Slice(2 * width, width));
        if (rented is not null)
            ArrayPool<int>.Shared.Return(rented);
        return distance;
    }

    private static int Banded(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max, Span<int> twoBack, Span<int> previous, Span<int> current)
    {
        Debug.Assert(a.Length >= b.Length && a.Length - b.Length <= max && b.Length > 0);
        var beyond = max + 1;
        for (var j = 0; j < previous.Length; j++)
            previous[j] = Math.Min(j, beyond);

        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - max);
            var to = Math.Min(b.Length, i + max);
            current[from - 1] = from == 1 ? Math.Min(i, beyond) : beyond;
            var best = current[from - 1];
            for (var j = from; j <= to; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                var cell = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    cell = Math.Min(cell, twoBack[j - 2] + 1);
                cell = Math.Min(cell, beyond);
                current[j] = cell;
                best = Math.Min(best, cell);
            }
            if (to < b.Length)
                current[to + 1] = beyond;
            if (best > max)
                return beyond;

            var recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous[b.Length];
    }

    /// <summary>How many edits a token of this length may have and still count as a typo: Budget(3) = 0, Budget(5) = 1, Budget(8) = 2.</summary>
    /// <remarks>
    /// Elasticsearch's <c>fuzziness: AUTO</c> (one edit from 3 letters, two beyond 5), made stricter for 3 letters as
    /// rigour's rule (cut at log base 2.35 of length − 2) does: in short names such as Paz, Ruiz and Gil one edit
    /// already makes another common name.
    /// </remarks>
    public static int Budget(int length) => length switch
    {
        <= 3 => 0,
        <= 5 => 1,
        _ => 2,
    };
}

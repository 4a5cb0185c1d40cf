using Perimeter.Matching.Names;
using Perimeter.Matching.Similarity;

namespace Perimeter.Benchmarks.Speed;

/// <summary>
/// Baseline without an index: Jaro–Winkler of the folded query against every folded name of the list, the best five
/// entries kept. What a screening tool that compares whole strings pays per query.
/// </summary>
internal static class WholeNameJaroWinkler
{
    public const int Top = 5;

    /// <summary>The entries of the best <see cref="Top"/> names, best first (an entry may repeat through its aliases).</summary>
    public static int[] Screen(string query, List<string> names, List<int> entryOfName)
    {
        var folded = NameText.Fold(query);
        Span<double> bestScore = stackalloc double[Top];
        Span<int> bestName = stackalloc int[Top];
        bestScore.Fill(-1);
        bestName.Fill(-1);
        for (var n = 0; n < names.Count; n++)
        {
            var score = JaroWinkler.Similarity(folded, names[n]);
            if (score <= bestScore[Top - 1])
                continue;
            // Insertion into the five kept, best first.
            var at = Top - 1;
            while (at > 0 && bestScore[at - 1] < score)
            {
                bestScore[at] = bestScore[at - 1];
                bestName[at] = bestName[at - 1];
                at--;
            }
            bestScore[at] = score;
            bestName[at] = n;
        }
        var entries = new int[Top];
        for (var k = 0; k < Top; k++)
            entries[k] = bestName[k] < 0 ? -1 : entryOfName[bestName[k]];
        return entries;
    }
}

using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Tests.Similarity;

public sealed class EditsTests
{
    [Theory]
    [InlineData("guzman", "guzman", 0, 0)]
    [InlineData("guzman", "guzmna", 2, 1)]      // a swap of neighbours is one edit
    [InlineData("guzman", "gusman", 2, 1)]
    [InlineData("guzman", "guzma", 2, 1)]
    [InlineData("garcia", "grazia", 2, 2)]      // swap plus substitution
    [InlineData("kitten", "sitting", 5, 3)]
    [InlineData("ca", "abc", 5, 3)]             // optimal string alignment: a swapped pair is not edited again
    [InlineData("", "abc", 5, 3)]
    [InlineData("abc", "", 5, 3)]
    public void Distances_count_insertions_deletions_substitutions_and_swaps(string a, string b, int max, int expected)
    {
        Assert.Equal(expected, Edits.DamerauLevenshtein(a, b, max));
        Assert.Equal(expected, Edits.DamerauLevenshtein(b, a, max));
    }

    [Theory]
    [InlineData("kitten", "sitting", 2)]
    [InlineData("garcia", "grazia", 1)]
    [InlineData("abc", "abd", 0)]
    [InlineData("", "abc", 1)]
    [InlineData("hernandez", "fernandes", 1)]
    [InlineData("guzman", "guzmanlopez", 2)]    // length alone rules it out
    public void A_distance_beyond_max_is_reported_as_max_plus_one(string a, string b, int max) =>
        Assert.Equal(max + 1, Edits.DamerauLevenshtein(a, b, max));

    [Fact]
    public void Banded_distances_agree_with_the_full_table_on_random_tokens()
    {
        var random = new Random(20240601);
        for (var n = 0; n < 20_000; n++)
        {
            var a = RandomToken(random, random.Next(0, 10));
            var b = RandomToken(random, random.Next(0, 10));
            var max = random.Next(0, 5);

            var expected = Math.Min(FullTable(a, b), max + 1);

            Assert.True(expected == Edits.DamerauLevenshtein(a, b, max), $"{a} {b} max {max}: expected {expected}");
        }
    }

    [Fact]
    public void Long_tokens_use_pooled_rows()
    {
        var a = "x" + new string('a', 100) + "y";
        var b = "y" + new string('a', 100) + "x";

        Assert.Equal(2, Edits.DamerauLevenshtein(a, b, 2));
        Assert.Equal(2, Edits.DamerauLevenshtein(a, b, 1));
        Assert.Equal(1, Edits.DamerauLevenshtein(a + "x", a + "y", 3));
    }

    [Fact]
    public void A_negative_max_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Edits.DamerauLevenshtein("a", "b", -1));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 0)]      // Paz, Gil, Luz: exact only
    [InlineData(4, 1)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(9, 2)]
    [InlineData(30, 2)]
    public void The_typo_budget_grows_with_length(int length, int budget) =>
        Assert.Equal(budget, Edits.Budget(length));

    internal static string RandomToken(Random random, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
            chars[i] = (char)('a' + random.Next(0, 3));
        return new string(chars);
    }

    // The textbook optimal-string-alignment table, every cell filled, as the reference.
    internal static int FullTable(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}

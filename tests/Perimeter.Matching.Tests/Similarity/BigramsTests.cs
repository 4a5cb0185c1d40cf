using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Tests.Similarity;

public sealed class BigramsTests
{
    [Theory]
    [InlineData("night", "nacht", 0.25)]        // ni ig gh ht / na ac ch ht: one of eight shared
    [InlineData("guzman", "guzmna", 0.6)]       // gu uz zm shared: 6 of 10
    [InlineData("guzman", "guzman", 1.0)]
    [InlineData("aa", "aaa", 2.0 / 3)]          // repeats count: one aa against two
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("a", "a", 1.0)]                 // too short for bigrams: equal or not
    [InlineData("a", "b", 0.0)]
    [InlineData("", "ab", 0.0)]
    public void Dice_counts_shared_bigrams(string a, string b, double expected)
    {
        Assert.Equal(expected, Bigrams.Dice(a, b), precision: 10);
        Assert.Equal(expected, Bigrams.Dice(b, a), precision: 10);
    }

    [Fact]
    public void Long_tokens_use_pooled_buffers()
    {
        var a = new string('a', 100);

        Assert.Equal(1.0, Bigrams.Dice(a, a), precision: 10);
    }
}

using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Tests.Similarity;

public sealed class JaroWinklerTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.961)]     // Winkler's examples
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("guzman", "guzman", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("", "a", 0.0)]
    [InlineData("ab", "ba", 0.0)]               // no character within the window of 0
    public void Known_pairs_score_their_published_values(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), precision: 3);
        Assert.Equal(expected, JaroWinkler.Similarity(b, a), precision: 3);
    }

    [Fact]
    public void A_shared_prefix_lifts_only_pairs_above_the_boost_threshold()
    {
        // Jaro of "abcxyz" and "abcpqrstuvw" is 0.47 (3 of 6 and 3 of 11 agree): no lift for the shared "abc".
        var weak = JaroWinkler.Similarity("abcxyz", "abcpqrstuvw");

        Assert.Equal(((3.0 / 6) + (3.0 / 11) + 1) / 3, weak, precision: 10);
    }

    [Fact]
    public void Long_tokens_are_compared_whole()
    {
        var a = new string('a', 100) + "b";
        var b = new string('a', 100) + "c";
        var jaro = ((100.0 / 101) + (100.0 / 101) + 1) / 3;

        Assert.Equal(jaro + (4 * 0.1 * (1 - jaro)), JaroWinkler.Similarity(a, b), precision: 10);
    }
}

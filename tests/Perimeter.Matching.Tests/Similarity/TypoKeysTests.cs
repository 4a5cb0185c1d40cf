using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Tests.Similarity;

public sealed class TypoKeysTests
{
    [Theory]
    [InlineData("ana", 1, 4)]           // ana, na, aa, an
    [InlineData("aab", 1, 3)]           // aab, ab, aa: both a's delete to ab
    [InlineData("guzman", 0, 1)]        // the token itself
    [InlineData("guzman", 2, 22)]       // 1 + 6 + 15, all distinct
    [InlineData("martinez", 2, 29)]     // only the 7-letter prefix: 1 + 7 + 21
    [InlineData("hernandez", 2, 28)]    // "hernand" loses n and a, or a and n, to the same "hernd"
    [InlineData("", 2, 1)]
    public void Keys_are_the_distinct_deletions_of_the_prefix(string token, int distance, int count) =>
        Assert.Equal(count, TypoKeys.Deletes(token, distance).Length);

    [Theory]
    [InlineData("guzmna", "guzman", 1)]
    [InlineData("guzma", "guzman", 1)]
    [InlineData("gusman", "guzman", 1)]
    [InlineData("hernandes", "hernandez", 0)]   // the typo is past the prefix
    public void Tokens_within_the_distance_share_a_key(string one, string other, int distance) =>
        Assert.NotEmpty(TypoKeys.Deletes(one, distance).Intersect(TypoKeys.Deletes(other, distance)));

    [Fact]
    public void Tokens_further_apart_share_no_key() =>
        Assert.Empty(TypoKeys.Deletes("guzman", 1).Intersect(TypoKeys.Deletes("gomez", 1)));

    [Theory]
    [InlineData(0, 7, 1)]
    [InlineData(1, 7, 8)]
    [InlineData(2, 7, 29)]
    [InlineData(3, 7, 64)]
    [InlineData(2, 3, 7)]
    public void The_key_count_is_bounded_by_the_choices_of_deleted_letters(int distance, int prefix, int max) =>
        Assert.Equal(max, TypoKeys.MaxCount(distance, prefix));

    [Fact]
    public void Keys_are_sorted_and_the_buffer_form_agrees()
    {
        Span<ulong> keys = stackalloc ulong[TypoKeys.MaxCount(2)];

        var count = TypoKeys.Deletes("gonzalez", 2, keys);

        Assert.Equal(TypoKeys.Deletes("gonzalez", 2), keys[..count].ToArray());
        Assert.True(keys[..count].SequenceEqual(keys[..count].ToArray().Order().ToArray()));
    }

    [Theory]
    [InlineData(-1, 7)]
    [InlineData(4, 7)]
    [InlineData(2, 0)]
    [InlineData(2, 17)]
    public void Out_of_range_arguments_are_refused(int distance, int prefix) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TypoKeys.Deletes("guzman", distance, prefix));
}

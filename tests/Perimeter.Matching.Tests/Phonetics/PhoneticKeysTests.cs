using Perimeter.Matching.Names;
using Perimeter.Matching.Phonetics;

namespace Perimeter.Matching.Tests.Phonetics;

public sealed class PhoneticKeysTests
{
    [Theory]
    [InlineData("smith", 3)]        // Spanish key, SM0, XMT
    [InlineData("jose", 2)]         // Spanish key, HS (no alternate)
    [InlineData("yo", 1)]           // Spanish "yo"; the English A is too short
    [InlineData("a", 0)]            // every key too short
    [InlineData("", 0)]
    public void A_token_gets_one_key_per_distinct_reading(string folded, int count)
    {
        var keys = PhoneticKeys.Of(folded);

        Assert.Equal(count, keys.Length);
        Assert.Equal(count, keys.Distinct().Count());
    }

    [Theory]
    [InlineData("Vargas", "Bargas")]        // through the Spanish key only
    [InlineData("Hernández", "Ernández")]
    [InlineData("Xavier", "Javier")]
    [InlineData("Catherine", "Katherine")]  // through Double Metaphone only
    [InlineData("Smith", "Schmidt")]
    public void Sound_alike_tokens_share_a_key(string one, string other) =>
        Assert.NotEmpty(PhoneticKeys.Of(NameText.Fold(one)).Intersect(PhoneticKeys.Of(NameText.Fold(other))));

    [Theory]
    [InlineData("Pérez", "Paz")]
    [InlineData("Castro", "Castillo")]
    public void Different_tokens_share_no_key(string one, string other) =>
        Assert.Empty(PhoneticKeys.Of(NameText.Fold(one)).Intersect(PhoneticKeys.Of(NameText.Fold(other))));

    [Fact]
    public void Writing_into_a_buffer_gives_the_same_keys_as_the_array()
    {
        Span<ulong> keys = stackalloc ulong[PhoneticKeys.MaxCount];

        var count = PhoneticKeys.Of("gonzalez", keys);

        Assert.Equal(PhoneticKeys.Of("gonzalez"), keys[..count].ToArray());
    }

    [Fact]
    public void Long_tokens_get_keys_too()
    {
        var token = string.Concat(Enumerable.Repeat("gonzalez", 40));

        Assert.Equal(2, PhoneticKeys.Of(token).Length);
    }
}

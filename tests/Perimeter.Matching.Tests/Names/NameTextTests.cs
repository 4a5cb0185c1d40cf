using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

public sealed class NameTextTests
{
    [Theory]
    [InlineData("JOSÉ", "jose")]
    [InlineData("Núñez-Peña", "nunez pena")]
    [InlineData("  O'Brien,  Mary ", "o brien mary")]
    [InlineData("GUZMAN<<LOERA<JOAQUIN", "guzman loera joaquin")]
    // Half a surrogate pair and U+FFFE are not text: each is dropped as punctuation is. A whole pair folds as its letter.
    [InlineData("\uD800", "")]
    [InlineData("Jos\uDC00é", "jos e")]
    [InlineData("\uD835\uDC00na", "ana")]
    [InlineData("Ana\uFFFEMaria", "ana maria")]
    public void Folding_drops_accents_case_and_punctuation(string raw, string folded) =>
        Assert.Equal(folded, NameText.Fold(raw));
}

using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

public sealed class NameTextTests
{
    [Theory]
    [InlineData("JOSÉ", "jose")]
    [InlineData("Núñez-Peña", "nunez pena")]
    [InlineData("  O'Brien,  Mary ", "o brien mary")]
    [InlineData("GUZMAN<<LOERA<JOAQUIN", "guzman loera joaquin")]
    public void Folding_drops_accents_case_and_punctuation(string raw, string folded) =>
        Assert.Equal(folded, NameText.Fold(raw));
}

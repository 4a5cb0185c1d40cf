using CsCheck;
using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Properties;

/// <summary>What folding promises for any text at all: every comparison of names relies on it.</summary>
public sealed class NameTextProperties
{
    [Fact]
    public void Folding_folded_text_changes_nothing() =>
        AnyText.Short.Sample(text =>
        {
            var folded = NameText.Fold(text);
            Assert.Equal(folded, NameText.Fold(folded));
        }, iter: 10_000, print: AnyText.Show);

    [Fact]
    public void Folded_text_is_letters_and_digits_in_words_one_space_apart() =>
        AnyText.Short.Sample(text =>
        {
            var folded = NameText.Fold(text);
            if (folded.Length == 0)
                return;
            Assert.All(folded.Split(' '), word =>
            {
                Assert.NotEmpty(word);
                Assert.All(word, c => Assert.True(char.IsLetterOrDigit(c), $"U+{(int)c:X4} in \"{folded}\""));
            });
        }, iter: 10_000, print: AnyText.Show);

    [Fact]
    public void Very_long_text_folds_without_failing() =>
        AnyText.Long.Sample(text => Assert.Equal(NameText.Fold(text), NameText.Fold(NameText.Fold(text))), iter: 20, print: AnyText.Show);
}

using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Tests.Similarity;

public sealed class TypoIndexTests
{
    private static readonly string[] Vocabulary =
        ["guzman", "loera", "garcia", "hernandez", "gonzalez", "lopez", "paz", "luz", "martinez", "gomez"];

    private static readonly TypoIndex Index = TypoIndex.Build(Vocabulary);

    [Theory]
    [InlineData("guzman", 0)]
    [InlineData("guzmna", 1)]       // swapped neighbours
    [InlineData("gusman", 1)]       // substitution
    [InlineData("guzma", 1)]        // deletion
    [InlineData("guzmann", 1)]      // insertion
    [InlineData("gzumna", 2)]       // two swaps, within the budget of 6 letters
    [InlineData("guzmanes", 2)]     // the query's length sets the budget: 8 letters, 2 edits
    public void A_misspelt_token_finds_its_vocabulary_token(string query, int edits) =>
        Assert.Contains(new TypoMatch(Array.IndexOf(Vocabulary, "guzman"), edits), Index.Lookup(query));

    [Theory]
    [InlineData("gomez")]
    [InlineData("gus")]             // 3 letters: exact only
    [InlineData("zugnam")]
    [InlineData("gzmn")]            // 2 deletions, beyond the budget of 4 letters
    [InlineData("guzmanlopez")]
    public void A_far_token_does_not_find_guzman(string query) =>
        Assert.DoesNotContain("guzman", Index.Lookup(query).Select(m => Index[m.Id]));

    [Theory]
    [InlineData("pas")]             // a short token: only an exact match counts
    [InlineData("xyzzy")]
    [InlineData("")]
    public void A_token_with_no_near_vocabulary_finds_nothing(string query) =>
        Assert.Empty(Index.Lookup(query));

    [Fact]
    public void Matches_come_in_id_order_with_their_edit_counts()
    {
        var matches = Index.Lookup("gomes");

        Assert.Equal([new TypoMatch(Array.IndexOf(Vocabulary, "gomez"), 1)], matches);
        Assert.Equal(Vocabulary.Length, Index.Count);
        Assert.Equal("gomez", Index[matches[0].Id]);
    }

    [Fact]
    public void Repeated_tokens_are_refused() =>
        Assert.Throws<ArgumentException>(() => TypoIndex.Build(["paz", "luz", "paz"]));

    [Fact]
    public void Lookups_find_exactly_what_a_scan_of_the_vocabulary_finds()
    {
        var random = new Random(7);
        var vocabulary = Enumerable.Range(0, 400)
            .Select(_ => EditsTests.RandomToken(random, random.Next(1, 13)).Replace('c', (char)('d' + random.Next(0, 4))))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var index = TypoIndex.Build(vocabulary);

        for (var n = 0; n < 3_000; n++)
        {
            var query = Mangle(random, vocabulary[random.Next(vocabulary.Length)]);
            var budget = Edits.Budget(query.Length);
            var scanned = Enumerable.Range(0, vocabulary.Length)
                .Select(id => new TypoMatch(id, EditsTests.FullTable(query, vocabulary[id])))
                .Where(m => m.Edits <= budget);

            Assert.Equal(scanned, index.Lookup(query));
        }
    }

    // Up to three random edits: insert, delete, substitute or swap.
    private static string Mangle(Random random, string token)
    {
        var chars = token.ToList();
        for (var edits = random.Next(0, 4); edits > 0; edits--)
        {
            var at = random.Next(0, chars.Count + 1);
            var letter = (char)('a' + random.Next(0, 6));
            switch (random.Next(0, 4))
            {
                case 0:
                    chars.Insert(at, letter);
                    break;
                case 1 when at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                case 2 when at < chars.Count:
                    chars[at] = letter;
                    break;
                case 3 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
                default:
                    break;
            }
        }
        return new string([.. chars]);
    }
}

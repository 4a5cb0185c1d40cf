using CsCheck;
using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Properties;

/// <summary>
/// What the name parser promises for every input, not only for the names in <c>NameParserTests</c>. Free text with no
/// comma, MRZ filler or change of case is ordered by the name lists, which promise no particular split: those
/// properties say only what is kept, never which side of the boundary a word lands on.
/// </summary>
public sealed class NameParserProperties
{
    [Fact]
    public void Any_text_parses_without_failing_into_well_formed_parts() =>
        Gen.Select(AnyText.Short, AnyText.Short).Sample((raw, surnames) =>
        {
            foreach (var layout in Enum.GetValues<NameLayout>())
                AssertWellFormed(NameParser.Parse(raw, layout));
            AssertWellFormed(NameParser.Parse(raw, surnames));
        }, iter: 3_000, print: texts => $"{AnyText.Show(texts.Item1)}, {AnyText.Show(texts.Item2)}");

    [Fact]
    public void Very_long_text_parses_without_failing() =>
        AnyText.Long.Sample(raw => AssertWellFormed(NameParser.Parse(raw)), iter: 20, print: AnyText.Show);

    // The parts, read in order, are the written words with the given names moved before the surnames: particles glued
    // to their word, glued pairs split, hyphens gone, nothing lost or added. The conjunction "y" is dropped between two
    // words, but kept as a part where a change of case puts it at the edge of a section ("GARCIA y Cruz Ana"), so it
    // is left out of the comparison. The alias becomes nickname parts, its article and its "alias" marker dropped.
    [Fact]
    public void Every_word_of_a_name_is_kept_in_order_whatever_the_layout() =>
        Gen.Select(GeneratedName.Any, Gen.Enum<NameLayout>()).Sample((name, layout) =>
        {
            var (given, surnames) = (name.GivenText, name.SurnameText);
            var alias = name.Alias is { } quoted ? $" {quoted} " : " ";
            var (givenWords, surnameWords) = (GeneratedName.Kept(name.Given), GeneratedName.Kept(name.Surnames));
            string[] nicknames = name.Alias is { } a ? [NameText.Fold(a.Word)] : [];

            AssertKeeps([.. givenWords, .. surnameWords], nicknames, NameParser.Parse(given + alias + surnames, layout));
            AssertKeeps([.. surnameWords, .. givenWords], nicknames, NameParser.Parse(surnames + alias + given, layout));
            AssertKeeps([.. surnameWords, .. givenWords], nicknames, NameParser.Parse($"{surnames}, {given}{alias}"));
            AssertKeeps([.. givenWords, .. surnameWords], nicknames, NameParser.Parse(given + alias, surnames));
            AssertKeeps([.. surnameWords, .. givenWords], [], NameParser.Parse(name.Mrz()));
        }, iter: 2_000, print: example => $"{example.Item1}, layout {example.Item2}");

    // A comma, an MRZ's "<<", form fields and an upper-case surname block each say where the surnames are, so each
    // reads the same parts; an MRZ has no hyphens, so only that flag may differ there.
    [Fact]
    public void Every_layout_that_marks_the_surnames_reads_the_same_parts() =>
        GeneratedName.Any.Sample(name =>
        {
            var fields = NameParser.Parse(name.GivenText, name.SurnameText);

            Assert.Equal(fields.Parts, NameParser.Parse($"{name.SurnameText}, {name.GivenText}").Parts);
            Assert.Equal(WithoutHyphens(fields), WithoutHyphens(NameParser.Parse(name.Mrz())));
            // Initials and particles have no case to read: it takes one given name written in mixed case.
            if (name.Given.All(unit => unit.IsInitial))
                return;
            var givenMixed = GeneratedName.Write(name.Given, GeneratedName.Capitalized);
            var surnamesUpper = GeneratedName.Write(name.Surnames, GeneratedName.Upper);
            Assert.Equal(fields.Parts, NameParser.Parse($"{givenMixed} {surnamesUpper}").Parts);
            Assert.Equal(fields.Parts, NameParser.Parse($"{surnamesUpper} {givenMixed}").Parts);
        }, iter: 2_000);

    private static void AssertKeeps(string[] written, string[] nicknames, ParsedName parsed)
    {
        var read = string.Concat(parsed.Parts.Where(p => !p.Has(PartFlags.Nickname) && p.Folded != "y").Select(p => p.Folded));
        var givenMovedFirst = Enumerable.Range(0, written.Length + 1).Select(boundary => string.Concat(written[boundary..]) + string.Concat(written[..boundary]));
        Assert.Contains(read, givenMovedFirst);
        Assert.Equal(nicknames, parsed.Nicknames.Select(p => p.Folded));
        AssertWellFormed(parsed);
    }

    /// <summary>What <see cref="ParsedName"/> and <see cref="NamePart"/> document of every parse.</summary>
    private static void AssertWellFormed(ParsedName parsed)
    {
        // Given names (and parts of unknown role) first, then surnames, then the alias's parts.
        var ranks = parsed.Parts.Select(p => p.Has(PartFlags.Nickname) ? 2 : p.Role == NameRole.Surname ? 1 : 0).ToList();
        Assert.Equal(ranks.Order(), ranks);
        Assert.Equal(Enumerable.Range(0, parsed.Surnames.Count), parsed.Surnames.Select(p => p.SurnameIndex));
        Assert.All(parsed.Parts.Where(p => p.Role != NameRole.Surname), p => Assert.Equal(-1, p.SurnameIndex));
        Assert.All(parsed.Parts, p =>
        {
            Assert.NotEmpty(p.Folded);
            Assert.DoesNotContain(' ', p.Folded);
            Assert.Equal(p.Folded, NameText.Fold(p.Folded));
            // A particle part ends with its core: "delarosa", "rosa".
            Assert.Equal(p.Has(PartFlags.Particle), p.Core is not null);
            if (p.Core is { } core)
                Assert.True(core.Length > 0 && core.Length < p.Folded.Length && p.Folded.EndsWith(core, StringComparison.Ordinal), $"{p.Folded} ({core})");
        });
        Assert.Equal(string.Join(' ', parsed.Parts.Where(p => !p.Has(PartFlags.Nickname)).Select(p => p.Folded)), parsed.Folded);
    }

    private static NamePart[] WithoutHyphens(ParsedName parsed) =>
        [.. parsed.Parts.Select(p => p with { Flags = p.Flags & ~PartFlags.Hyphenated })];
}

using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

public sealed class NameListTests
{
    [Theory, MemberData(nameof(DataFiles.Surnames), MemberType = typeof(DataFiles))]
    public void Every_listed_surname_is_read_as_a_surname_after_a_comma_and_as_it_stands(string surname)
    {
        var name = NameParser.Parse(surname.ToUpperInvariant() + ", Juan");
        Assert.Equal([surname], name.Surnames.Select(p => p.Folded));
        Assert.Equal(PartFlags.None, name.Surnames[0].Flags & (PartFlags.Particle | PartFlags.Split));
    }

    [Theory, MemberData(nameof(DataFiles.Surnames), MemberType = typeof(DataFiles))]
    public void Every_listed_surname_is_written_folded(string surname) =>
        Assert.Equal(NameText.Fold(surname), surname);

    [Theory, MemberData(nameof(DataFiles.Abbreviations), MemberType = typeof(DataFiles))]
    public void Every_listed_abbreviation_is_expanded_when_written_with_a_dot(string abbreviation, string expansion)
    {
        var written = abbreviation.TrimEnd('.');
        var name = NameParser.Parse(char.ToUpperInvariant(written[0]) + written[1..] + ".", null);
        var part = Assert.Single(name.Parts);
        Assert.Equal(expansion, part.Folded);
        Assert.True(part.Has(PartFlags.Abbreviation));
    }
}

using Perimeter.Matching.Names;

namespace Perimeter.Matching.Tests.Names;

public sealed class GivenNameSexTests
{
    [Theory]
    [InlineData("José María Pérez", NameSex.Male)]
    [InlineData("María José Pérez", NameSex.Female)]
    [InlineData("PEREZ GARCIA, Jose Maria", NameSex.Male)]
    [InlineData("Ma. Guadalupe Hernández", NameSex.Female)]
    [InlineData("Guadalupe Hernández", NameSex.Unknown)]
    [InlineData("J. María Pérez", NameSex.Unknown)]
    [InlineData("William Smith", NameSex.Male)]
    [InlineData("Elizabeth Smith", NameSex.Female)]
    [InlineData("Xochiquetzal Pérez", NameSex.Unknown)]
    [InlineData("Pérez", NameSex.Unknown)]
    public void The_first_given_name_decides(string raw, NameSex expected) =>
        Assert.Equal(expected, GivenNameSex.Of(NameParser.Parse(raw)));

    [Theory, MemberData(nameof(DataFiles.GivenNames), MemberType = typeof(DataFiles))]
    public void Every_listed_given_name_has_its_listed_sex(string name, string sex)
    {
        var expected = sex switch { "m" => NameSex.Male, "f" => NameSex.Female, _ => NameSex.Unknown };
        Assert.Equal(expected, GivenNameSex.Of(name));
        Assert.Equal(expected, GivenNameSex.Of(NameParser.Parse(name, "Pérez")));
    }
}

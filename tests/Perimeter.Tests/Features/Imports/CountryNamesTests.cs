using Perimeter.Features.Imports;

namespace Perimeter.Tests.Features.Imports;

public sealed class CountryNamesTests
{
    [Theory]
    [InlineData("MX", "MX")]
    [InlineData("mx", "MX")]
    [InlineData("MEX", "MX")]
    [InlineData("Mexico", "MX")]
    [InlineData("México", "MX")]
    [InlineData("MÉXICO", "MX")]
    [InlineData("Estados Unidos Mexicanos", "MX")]
    [InlineData("United States", "US")]
    [InlineData("Estados Unidos", "US")]
    [InlineData("Alemania", "DE")]
    [InlineData("Korea, North", "KP")]
    [InlineData("Corea del Norte", "KP")]
    [InlineData("Korea, South", "KR")]
    [InlineData("Burma", "MM")]
    [InlineData("Russia", "RU")]
    [InlineData("Rusia", "RU")]
    [InlineData("Iran", "IR")]
    [InlineData("Syria", "SY")]
    [InlineData("Venezuela", "VE")]
    [InlineData("Bolivia", "BO")]
    [InlineData("Congo, Democratic Republic of the", "CD")]
    [InlineData("Congo, Republic of the", "CG")]
    [InlineData("West Bank", "PS")]
    [InlineData("Gaza", "PS")]
    [InlineData("Palestinian", "PS")]
    [InlineData("Bahamas, The", "BS")]
    [InlineData("Côte d'Ivoire", "CI")]
    [InlineData("Cote d Ivoire", "CI")]
    [InlineData("Costa de Marfil", "CI")]
    [InlineData("Man, Isle of", "IM")]
    [InlineData("St. Kitts & Nevis", "KN")]
    [InlineData("North Macedonia, The Republic of", "MK")]
    [InlineData("Turkey", "TR")]
    [InlineData("Kosovo", "XK")]
    [InlineData("  guatemala ", "GT")]
    [InlineData("Belice", "BZ")]
    [InlineData("Canadá", "CA")]
    public void Reads_codes_and_English_and_Spanish_names(string name, string expected)
    {
        Assert.True(CountryNames.TryParse(name, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("Atlantis")]
    [InlineData("Crimea")]
    [InlineData("undetermined")]
    [InlineData("ZZ")]
    public void Refuses_what_is_not_a_country(string? name)
    {
        Assert.False(CountryNames.TryParse(name, out var code));
        Assert.Equal("", code);
    }

    [Fact]
    public void The_embedded_table_has_every_ISO_country_and_no_name_claimed_by_two()
    {
        using var stream = typeof(CountryNames).Assembly.GetManifestResourceStream("Perimeter.Features.Imports.CountryNames.tsv");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        var table = CountryNames.Parse(reader);

        Assert.True(table.Values.Distinct(StringComparer.Ordinal).Count() >= 249);
    }

    [Fact]
    public void A_name_claimed_by_two_codes_is_a_mistake_in_the_table()
    {
        using var reader = new StringReader("MX\tMEX\tMexico\tMéxico\nNM\tNMX\tMexico\t\n");

        var error = Assert.Throws<InvalidDataException>(() => CountryNames.Parse(reader));

        Assert.Contains("\"mexico\" is both MX and NM", error.Message, StringComparison.Ordinal);
    }
}

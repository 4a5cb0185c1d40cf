using Perimeter.Features.Access;

namespace Perimeter.Tests;

public sealed class PerimeterJsonTests
{
    [Fact]
    public void Markings_are_written_with_TLP_words_and_a_list_of_purposes()
    {
        var markings = new Markings { Tlp = Tlp.AmberStrict, Purposes = Purposes.Migration | Purposes.CounterNarcotics };

        var json = PerimeterJson.Serialize(markings);

        Assert.Contains("\"tlp\":\"AMBER\\u002BSTRICT\"", json, StringComparison.Ordinal);
        Assert.Contains("\"purposes\":[\"counter-narcotics\",\"migration\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"handling\":\"third-party-rule\"", json, StringComparison.Ordinal);
        Assert.Equal(markings with { ReleasableTo = [] }, PerimeterJson.Deserialize<Markings>(json) with { ReleasableTo = [] });
    }

    [Fact]
    public void Markings_are_read_from_TLP_words_and_purpose_lists()
    {
        var markings = PerimeterJson.Deserialize<Markings>("""{"tlp":"AMBER+STRICT","purposes":["migration","counter-terrorism"]}""");

        Assert.Equal(Tlp.AmberStrict, markings.Tlp);
        Assert.Equal(Purposes.Migration | Purposes.CounterTerrorism, markings.Purposes);
    }
}

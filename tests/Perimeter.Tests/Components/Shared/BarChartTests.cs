using Bunit;
using System.Globalization;
using Perimeter.Components.Shared;

namespace Perimeter.Tests.Components.Shared;

public sealed class BarChartTests
{
    [Fact]
    public void Bars_scale_to_the_largest_value_and_a_zero_draws_no_bar()
    {
        using var context = new ComponentContext();
        var chart = context.Bunit.Render<BarChart>(p => p
            .Add(c => c.Title, "Alerts by kind")
            .Add(c => c.Bars, [new BarChart.Bar("Person", 300), new BarChart.Bar("Vehicle", 150), new BarChart.Bar("Firearm", 0)]));

        var widths = chart.FindAll("rect").Select(r => double.Parse(r.GetAttribute("width")!, CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(3, widths.Count);
        Assert.Equal(widths[0] / 2, widths[1], precision: 1);
        Assert.Equal(0, widths[2]);
        Assert.Equal("Alerts by kind", chart.Find("svg").GetAttribute("aria-label"));
    }

    [Fact]
    public void Figures_are_written_beside_the_bars_in_the_readers_culture()
    {
        using var context = new ComponentContext("es-MX");
        var chart = context.Bunit.Render<BarChart>(p => p
            .Add(c => c.Title, "Consultas")
            .Add(c => c.Bars, [new BarChart.Bar("lun 23 nov", 12_345)]));

        Assert.Contains("12,345", chart.Find("svg").TextContent, StringComparison.Ordinal);
        Assert.Equal("lun 23 nov: 12,345", chart.Find("title").TextContent);
    }

    [Fact]
    public void An_empty_chart_says_so_instead_of_drawing_nothing()
    {
        using var context = new ComponentContext("es-MX");
        var chart = context.Bunit.Render<BarChart>(p => p.Add(c => c.Title, "Consultas").Add(c => c.Bars, []));

        Assert.Empty(chart.FindAll("svg"));
        Assert.Equal("Nada por ahora.", chart.Find("p").TextContent);
    }
}

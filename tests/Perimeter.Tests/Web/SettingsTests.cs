using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Perimeter.Tests.Web;

public sealed class SettingsTests
{
    [Theory]
    [InlineData("Node:Agency", "CBP", "Node:Agency")]
    [InlineData("Node:TelemetryExporter", "Otlp", "Node:OtlpEndpoint")]
    [InlineData("Node:MaxPageSize", "0", "MaxPageSize")]
    [InlineData("Node:Federation:BatchSize", "0", "Node:Federation:BatchSize")]
    [InlineData("Node:Federation:Url", "http://127.0.0.1:5443", "is not an https:// URL")]
    [InlineData("Node:Federation:Url", "https://127.0.0.1:5443", "run perimeter pki init")]
    public void A_bad_setting_stops_the_node_with_a_message_naming_it(string key, string value, string named)
    {
        // Settings the listeners depend on (the federation URL) are checked while the node is built; the others when first read.
        var error = Assert.Throws<OptionsValidationException>(() =>
        {
            using var app = NodeHost.Build(new Dictionary<string, string?> { ["Node:DataDirectory"] = "unused", ["Node:Agency"] = "us.cbp", [key] = value });
            return app.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
        });

        Assert.Contains(named, string.Join(" ", error.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Console")]
    [InlineData("None")]
    public void Telemetry_exporters_are_chosen_by_setting(string exporter)
    {
        using var app = NodeHost.Build(new Dictionary<string, string?> { ["Node:DataDirectory"] = "unused", ["Node:Agency"] = "us.cbp", ["Node:TelemetryExporter"] = exporter });

        Assert.Equal(Enum.Parse<TelemetryExporter>(exporter), app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.TelemetryExporter);
    }
}

using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;

namespace Perimeter.Features.Setup;

/// <summary>
/// Whose node a data folder is: <c>node.json</c>, written once by <c>perimeter init</c>. Every later command takes the
/// agency from it, and refuses a configuration or environment that names another agency, so that a variable left
/// exported from another node's shell cannot add a user, write an audit record or start a node in the wrong name.
/// </summary>
public sealed record NodeFolder(string Agency, string Name, string Country, string? FederationUrl = null)
{
    private const string FileName = "node.json";

    /// <summary>The agency a node runs as in demo mode when nothing names one.</summary>
    public static readonly NodeFolder Demo = new("us.cbp", "U.S. Customs and Border Protection", "US");

    public static string PathOf(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    public static NodeFolder? Read(string dataDirectory)
    {
        var path = PathOf(dataDirectory);
        if (!File.Exists(path))
            return null;
        try
        {
            var folder = PerimeterJson.Deserialize<NodeFolder>(File.ReadAllText(path));
            return AgencyId.IsValid(folder.Agency) ? folder : throw new System.Text.Json.JsonException($"\"{folder.Agency}\" is not an agency id");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Refused($"{path} is damaged ({e.Message.Split('\n')[0]}): restore it from the backup of this node's folder");
        }
    }

    public void Write(string dataDirectory)
    {
        Directory.CreateDirectory(Path.GetFullPath(dataDirectory));
        File.WriteAllText(PathOf(dataDirectory), PerimeterJson.Serialize(this) + "\n");
    }

    /// <summary>The agency, name and federation URL from the data folder, beneath what the configuration says; a conflict is refused.</summary>
    public static void Apply(ConfigurationManager configuration)
    {
        var dataDirectory = configuration[$"{NodeOptions.Section}:{nameof(NodeOptions.DataDirectory)}"] ?? "data";
        var agencyKey = $"{NodeOptions.Section}:{nameof(NodeOptions.Agency)}";
        var configured = configuration[agencyKey];
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (Read(dataDirectory) is { } folder)
        {
            if (!string.IsNullOrEmpty(configured) && !string.Equals(configured, folder.Agency, StringComparison.Ordinal))
                throw Refused($"the node in {Path.GetFullPath(dataDirectory)} is {folder.Agency}, but {SourceOf(configuration, agencyKey)} names {configured}: "
                    + $"unset it, or name {configured}'s own folder with --data");
            settings[agencyKey] = folder.Agency;
            settings[$"{NodeOptions.Section}:{nameof(NodeOptions.AgencyName)}"] = configuration[$"{NodeOptions.Section}:{nameof(NodeOptions.AgencyName)}"] ?? folder.Name;
            if (folder.FederationUrl is not null)
                settings[$"{NodeOptions.Section}:Federation:Url"] = configuration[$"{NodeOptions.Section}:Federation:Url"] ?? folder.FederationUrl;
        }
        else if (string.IsNullOrEmpty(configured))
        {
            if (!configuration.GetValue<bool>($"{NodeOptions.Section}:{nameof(NodeOptions.Demo)}"))
                throw new NoNodeException(Path.GetFullPath(dataDirectory));
            settings[agencyKey] = Demo.Agency;
            settings[$"{NodeOptions.Section}:{nameof(NodeOptions.AgencyName)}"] = configuration[$"{NodeOptions.Section}:{nameof(NodeOptions.AgencyName)}"] ?? Demo.Name;
        }
        configuration.AddInMemoryCollection(settings);
    }

    /// <summary>A database that already belongs to another agency is refused, whatever the folder and configuration say.</summary>
    public static void CheckDatabase(string? recorded, NodeOptions node)
    {
        if (recorded is not null && !string.Equals(recorded, node.Agency, StringComparison.Ordinal))
            throw Refused($"the database at {node.Storage.Describe()} is the node of {recorded}, but this node is configured as {node.Agency}: "
                + $"name {node.Agency}'s own database, or {recorded}'s folder with --data");
    }

    private static OptionsValidationException Refused(string message) => new(NodeOptions.Section, typeof(NodeOptions), [message]);

    /// <summary>Where a setting came from, in the words an operator would use to find it.</summary>
    private static string SourceOf(IConfigurationRoot configuration, string key)
    {
        var provider = configuration.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _));
        return provider switch
        {
            EnvironmentVariablesConfigurationProvider => $"the environment variable PERIMETER_{key.Replace(":", "__", StringComparison.Ordinal)}",
            JsonConfigurationProvider json => $"{json.Source.Path} ({key})",
            _ => $"the setting {key}",
        };
    }
}

/// <summary>A folder that is no agency's node, named by no setting either: there is nobody to act as.</summary>
public sealed class NoNodeException(string dataDirectory)
    : Exception($"no node in {dataDirectory}: make one with perimeter init --agency ID --name NAME --data FOLDER, or name a node's folder with --data");

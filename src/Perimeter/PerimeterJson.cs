using System.Text.Json;
using System.Text.Json.Serialization;
using Perimeter.Features.Access;

namespace Perimeter;

/// <summary>One JSON shape everywhere: the API, stored alert content, import files.</summary>
public static class PerimeterJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>camelCase members, kebab-case enum words (<c>wanted-for-arrest</c>), numbers refused for enums.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // A converter in the options outranks a [JsonConverter] on the type, so TLP and purposes go first:
        // otherwise they would be written "amber-strict" and "counter-narcotics, migration".
        options.Converters.Add(new TlpJsonConverter());
        options.Converters.Add(new PurposesJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = 32;
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null where an object was expected");
}

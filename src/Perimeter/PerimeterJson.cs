using System.Text.Json;
using System.Text.Json.Serialization;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;

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
        // Converters in options outrank [JsonConverter] on a type, so the marking words go before the enum rule.
        options.Converters.Add(new TlpJsonConverter());
        options.Converters.Add(new PurposesJsonConverter());
        options.Converters.Add(new SourceReliabilityJsonConverter());
        options.Converters.Add(new InformationCredibilityJsonConverter());
        options.Converters.Add(new PartialDateJsonConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // A null where the model has none (a null subject, a null list) is refused with its path, like any bad value.
        options.RespectNullableAnnotations = true;
        options.MaxDepth = 32;
        // {"id": "a", "id": "b"} is refused: which of the two a reader believes is not for the sender to leave open.
        options.AllowDuplicateProperties = false;
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("null where an object was expected");
}

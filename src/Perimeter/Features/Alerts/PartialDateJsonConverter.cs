using System.Text.Json;
using System.Text.Json.Serialization;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Alerts;

/// <summary>Partial dates in JSON as the strings people write: <c>1957</c>, <c>1957-04</c>, <c>1957-04-04</c>.</summary>
internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PartialDate.TryParse(reader.GetString(), out var date)
            ? date
            : throw new JsonException("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

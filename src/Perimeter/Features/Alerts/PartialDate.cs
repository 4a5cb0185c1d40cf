using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perimeter.Features.Alerts;

/// <summary>A date that may be known only to the year or month: <c>1957</c>, <c>1957-04</c>, <c>1957-04-04</c>.</summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4)
            return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1800 || year > 2200)
            return false;
        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
                return false;
            month = m;
        }
        if (parts.Length == 3)
        {
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
                return false;
            day = d;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    public override string ToString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        ({ } m, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}"),
        ({ } m, { } d) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}-{d:D2}"),
    };
}

internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PartialDate.TryParse(reader.GetString(), out var date)
            ? date
            : throw new JsonException("expected a date as YYYY, YYYY-MM or YYYY-MM-DD");

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

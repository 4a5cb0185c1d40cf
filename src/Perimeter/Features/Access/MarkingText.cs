using System.Text.Json;
using System.Text.Json.Serialization;

namespace Perimeter.Features.Access;

/// <summary>The words markings are written with in files, URLs and JSON: <c>AMBER+STRICT</c>, <c>counter-narcotics</c>.</summary>
public static class MarkingText
{
    private static readonly JsonNamingPolicy Kebab = JsonNamingPolicy.KebabCaseLower;

    public static string Of(Tlp tlp) => tlp switch
    {
        Tlp.Clear => "CLEAR",
        Tlp.Green => "GREEN",
        Tlp.Amber => "AMBER",
        Tlp.AmberStrict => "AMBER+STRICT",
        Tlp.Red => "RED",
    };

    public static bool TryParseTlp(string? text, out Tlp tlp)
    {
        var word = text?.Trim().ToUpperInvariant().Replace("TLP:", "", StringComparison.Ordinal);
        foreach (var candidate in Enum.GetValues<Tlp>())
        {
            if (string.Equals(Of(candidate), word, StringComparison.Ordinal))
            {
                tlp = candidate;
                return true;
            }
        }
        tlp = default;
        return false;
    }

    /// <summary>Kebab-case name of an enum value: <c>ThirdPartyRule</c> → <c>third-party-rule</c>.</summary>
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum => Kebab.ConvertName(value.ToString());

    /// <summary>Reads a kebab-case or PascalCase enum name; numbers are refused so that "7" is not a valid TLP.</summary>
    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var trimmed = text.Trim();
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        return false;
    }

    public static IEnumerable<Purposes> Each(Purposes purposes) =>
        Enum.GetValues<Purposes>().Where(p => p != Purposes.None && purposes.HasFlag(p));

    public static IReadOnlyList<string> Of(Purposes purposes) => [.. Each(purposes).Select(p => Of<Purposes>(p))];

    /// <summary>Reads one purpose; a request names exactly one.</summary>
    /// <summary>Every purpose at once: what <c>*</c> means in an agreement.</summary>
    public static readonly Purposes EveryPurpose = Enum.GetValues<Purposes>().Aggregate(Purposes.None, (all, p) => all | p);

    public static bool TryParsePurpose(string? text, out Purposes purpose) =>
        TryParse(text, out purpose) && purpose != Purposes.None;

    /// <summary>Reads a list such as <c>counter-narcotics;migration</c> (separated by ; , | or spaces).</summary>
    public static bool TryParsePurposes(string? text, out Purposes purposes, out string? unknown)
    {
        purposes = Purposes.None;
        unknown = null;
        foreach (var word in (text ?? "").Split([';', ',', '|', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!TryParsePurpose(word, out var one))
            {
                unknown = word;
                return false;
            }
            purposes |= one;
        }
        return true;
    }
}

internal sealed class TlpJsonConverter : JsonConverter<Tlp>
{
    public override Tlp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && MarkingText.TryParseTlp(reader.GetString(), out var tlp)
            ? tlp
            : throw new JsonException("expected one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED");

    public override void Write(Utf8JsonWriter writer, Tlp value, JsonSerializerOptions options) =>
        writer.WriteStringValue(MarkingText.Of(value));
}

internal sealed class PurposesJsonConverter : JsonConverter<Purposes>
{
    public override Purposes Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return MarkingText.TryParsePurpose(reader.GetString(), out var one) ? one : throw Unknown(reader.GetString());
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new JsonException("expected a list of purposes");
        var purposes = Purposes.None;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var word = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            purposes |= MarkingText.TryParsePurpose(word, out var one) ? one : throw Unknown(word);
        }
        return purposes;
    }

    public override void Write(Utf8JsonWriter writer, Purposes value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var word in MarkingText.Of(value))
            writer.WriteStringValue(word);
        writer.WriteEndArray();
    }

    private static JsonException Unknown(string? word) =>
        new($"unknown purpose \"{word}\"; expected {string.Join(", ", MarkingText.Of((Purposes)~0))}");
}

/// <summary>Admiralty source grading as written: <c>A</c>–<c>F</c>.</summary>
internal sealed class SourceReliabilityJsonConverter : JsonConverter<SourceReliability>
{
    public override SourceReliability Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Enum.TryParse<SourceReliability>(reader.GetString(), ignoreCase: true, out var grade)
            && Enum.IsDefined(grade) && reader.GetString()!.Length == 1
            ? grade
            : throw new JsonException("expected a source grade from A to F");

    public override void Write(Utf8JsonWriter writer, SourceReliability value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

/// <summary>Admiralty information grading: written as <c>1</c>–<c>6</c>; read as a number, a digit or a word such as <c>probably-true</c>.</summary>
internal sealed class InformationCredibilityJsonConverter : JsonConverter<InformationCredibility>
{
    public override InformationCredibility Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var grade = reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var number) => number,
            JsonTokenType.String when int.TryParse(reader.GetString(), out var number) => number,
            JsonTokenType.String when MarkingText.TryParse<InformationCredibility>(reader.GetString(), out var word) => (int)word,
            _ => 0,
        };
        return grade is >= 1 and <= 6 ? (InformationCredibility)grade : throw new JsonException("expected an information grade from 1 to 6");
    }

    public override void Write(Utf8JsonWriter writer, InformationCredibility value, JsonSerializerOptions options) =>
        writer.WriteNumberValue((int)value);
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

/// <summary>
/// Alerts in JSON, in the API's shape (<see cref="PerimeterJson.Options"/>): a top-level array, or one object a line.
/// Each alert is read on its own, so one bad alert does not hide the errors of the next.
/// </summary>
internal static partial class AlertJsonFormat
{
    [GeneratedRegex(@"^The JSON property '(?<name>.*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();

    [GeneratedRegex(@"missing required properties including: (?<names>.*)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingMembers();

    [GeneratedRegex(@"could not be converted to (?<type>[^ ]+)\. Path", RegexOptions.CultureInvariant)]
    private static partial Regex NotConverted();

    [GeneratedRegex(@"(?<name>[A-Za-z]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]", RegexOptions.CultureInvariant)]
    private static partial Regex PathStep();

    public static List<ParsedAlert> ReadArray(string text, string fileName, List<ImportError> errors)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var alerts = new List<ParsedAlert>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = PerimeterJson.Options.MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                errors.Add(new ImportError(fileName, LineAt(bytes, (int)reader.TokenStartIndex), "expected a JSON array of alerts: [ {...}, {...} ]"));
                return alerts;
            }
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var element = bytes.AsMemory(start, (int)reader.BytesConsumed - start);
                if (ReadOne(element, LineAt(bytes, start), $"$[{index}]", fileName, errors) is { } alert)
                    alerts.Add(alert);
                index++;
            }
            if (reader.Read())
                errors.Add(new ImportError(fileName, LineAt(bytes, (int)reader.TokenStartIndex), "text after the end of the array"));
        }
        catch (JsonException syntax)
        {
            errors.Add(new ImportError(fileName, (int)(syntax.LineNumber ?? 0) + 1, $"malformed JSON: {WithoutPosition(syntax.Message)}"));
        }
        return alerts;
    }

    public static List<ParsedAlert> ReadLines(string text, string fileName, List<ImportError> errors)
    {
        var alerts = new List<ParsedAlert>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            if (ReadOne(Encoding.UTF8.GetBytes(lines[i]), i + 1, "$", fileName, errors) is { } alert)
                alerts.Add(alert);
        }
        return alerts;
    }

    private static ParsedAlert? ReadOne(ReadOnlyMemory<byte> json, int line, string path, string fileName, List<ImportError> errors)
    {
        try
        {
            return JsonSerializer.Deserialize<AlertContent>(json.Span, PerimeterJson.Options) is { } content
                ? new ParsedAlert(line, path + ".", content)
                : Error(line, $"{path}: null where an alert was expected");
        }
        catch (JsonException problem)
        {
            var at = line + (int)(problem.LineNumber ?? 0);
            var where = path + (problem.Path ?? "$")[1..];
            return Error(at, $"{where}: {Explain(problem, json.Span)}");
        }

        ParsedAlert? Error(int at, string message)
        {
            errors.Add(new ImportError(fileName, at, message));
            return null;
        }
    }

    // System.Text.Json's messages name .NET types; say instead what is wrong with the value in the file.
    private static string Explain(JsonException problem, ReadOnlySpan<byte> json)
    {
        var message = WithoutPosition(problem.Message);
        if (UnknownMember().Match(message) is { Success: true } unknown)
            return $"unknown member \"{unknown.Groups["name"].Value}\"";
        if (MissingMembers().Match(message) is { Success: true } missing)
            return $"missing required member {missing.Groups["names"].Value.Replace('\'', '"')}";
        var value = ValueAt(json, problem.Path);
        if (NotConverted().Match(problem.Message) is { Success: true } converted)
        {
            var type = typeof(AlertContent).Assembly.GetType(converted.Groups["type"].Value);
            var words = type is { IsEnum: true }
                ? $" (expected one of {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.KebabCaseLower.ConvertName))})"
                : "";
            return value is null ? $"invalid value{words}" : $"unknown value {value}{words}";
        }
        if (message.StartsWith("unknown", StringComparison.Ordinal))
            return message;
        if (problem.InnerException is null && problem.Path is not null && value is not null && !message.Contains(value, StringComparison.Ordinal))
            return message.StartsWith("expected one of", StringComparison.Ordinal)
                ? $"unknown value {value} ({message})"
                : $"invalid value {value} ({message})";
        return message;
    }

    // The raw JSON of the value at a path such as $.markings.purposes[1], or null when it cannot be found.
    private static string? ValueAt(ReadOnlySpan<byte> json, string? path)
    {
        if (path is null)
            return null;
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var element = document.RootElement;
            foreach (Match step in PathStep().Matches(path[1..]))
            {
                if (step.Groups["index"].Success)
                {
                    var index = int.Parse(step.Groups["index"].ValueSpan, provider: null);
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                        return null;
                    element = element[index];
                }
                else
                {
                    var name = step.Groups["name"].Success ? step.Groups["name"].Value : step.Groups["quoted"].Value;
                    if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
                        return null;
                }
            }
            var raw = element.GetRawText();
            return raw.Length <= 60 ? raw : raw[..60] + "…";
        }
        // A member name may escape half a UTF-16 pair, which cannot be compared with the path's names.
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (at < 0)
            at = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).Trim();
    }

    private static int LineAt(byte[] bytes, int offset) => bytes.AsSpan(0, Math.Min(offset, bytes.Length)).Count((byte)'\n') + 1;
}

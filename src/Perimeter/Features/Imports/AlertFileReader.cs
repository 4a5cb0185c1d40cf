using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

/// <summary>
/// Reads the node's own import files, <c>.csv</c>, <c>.json</c> (an array) and <c>.jsonl</c>/<c>.ndjson</c> (one alert a
/// line); docs/import-formats.md describes them. The whole file is parsed and every alert validated before anything is
/// returned, and any error means no alerts.
/// </summary>
public static class AlertFileReader
{
    /// <summary>A bigger file is refused before it is read: 200 MB holds several hundred thousand alerts.</summary>
    public const long DefaultMaxBytes = 200L * 1024 * 1024;

    public static readonly IReadOnlyList<string> Extensions = [".csv", ".json", ".jsonl", ".ndjson"];

    private enum Format { Csv, Json, JsonLines }

    public static AlertFile Read(string path, long maxBytes = DefaultMaxBytes)
    {
        if (FormatOf(path) is null)
            return AlertFile.Failed(UnknownType(path));
        if (!File.Exists(path))
            return AlertFile.Failed(new ImportError(path, null, "file not found"));
        using var stream = File.OpenRead(path);
        return Read(stream, path, maxBytes);
    }

    /// <summary>Reads <paramref name="stream"/> as the file <paramref name="fileName"/>, whose extension gives the format.</summary>
    public static AlertFile Read(Stream stream, string fileName, long maxBytes = DefaultMaxBytes)
    {
        if (FormatOf(fileName) is not { } format)
            return AlertFile.Failed(UnknownType(fileName));
        if (ReadAtMost(stream, maxBytes) is not { } bytes)
            return AlertFile.Failed(new ImportError(fileName, null,
                $"file is larger than the limit of {maxBytes:N0} bytes; split it into smaller files"));
        if (TextDecoding.TryUtf8(bytes, out var badLine) is not { } text)
            return AlertFile.Failed(new ImportError(fileName, badLine, "not valid UTF-8: save the file as UTF-8"));
        return Read(text, fileName, format);
    }

    /// <summary>Reads text already decoded, as the file <paramref name="fileName"/>, whose extension gives the format.</summary>
    public static AlertFile Read(TextReader reader, string fileName) =>
        FormatOf(fileName) is { } format ? Read(reader.ReadToEnd(), fileName, format) : AlertFile.Failed(UnknownType(fileName));

    private static AlertFile Read(string text, string fileName, Format format)
    {
        if (string.IsNullOrWhiteSpace(text))
            return AlertFile.Failed(new ImportError(fileName, 1, "the file is empty"));
        var errors = new List<ImportError>();
        var parsed = format switch
        {
            Format.Csv => AlertCsvFormat.Read(text, fileName, errors),
            Format.Json => AlertJsonFormat.ReadArray(text, fileName, errors),
            Format.JsonLines => AlertJsonFormat.ReadLines(text, fileName, errors),
        };
        foreach (var alert in parsed)
        {
            foreach (var (field, messages) in alert.Content.Validate().ToDictionary())
                errors.AddRange(messages.Select(m => new ImportError(fileName, alert.Line, $"{alert.FieldPrefix}{field}: {m}")));
        }
        if (errors.Count == 0 && parsed.Count == 0)
            errors.Add(new ImportError(fileName, 1, "the file holds no alerts"));
        return errors.Count > 0
            ? AlertFile.Failed([.. errors.OrderBy(e => e.Line ?? 0)])
            : new AlertFile([.. parsed.Select(p => p.Content)], []);
    }

    private static Format? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".csv" => Format.Csv,
        ".json" => Format.Json,
        ".jsonl" or ".ndjson" => Format.JsonLines,
        _ => null,
    };

    private static ImportError UnknownType(string fileName) =>
        new(fileName, null, $"unsupported file type \"{Path.GetExtension(fileName)}\": use {string.Join(", ", Extensions)}");

    // Reads one byte past the limit, so that a stream that cannot tell its length is refused without reading it all.
    private static byte[]? ReadAtMost(Stream stream, long maxBytes)
    {
        if (stream.CanSeek && stream.Length - stream.Position > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                return null;
        }
        return buffer.ToArray();
    }
}

/// <summary>An alert read from a file: the line it starts on, and how its fields are named in messages (<c>$[3].</c> in JSON).</summary>
internal sealed record ParsedAlert(int Line, string FieldPrefix, AlertContent Content);

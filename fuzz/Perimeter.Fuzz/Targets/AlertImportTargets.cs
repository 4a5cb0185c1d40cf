using Perimeter.Features.Imports;

namespace Perimeter.Fuzz;

/// <summary><c>perimeter import alerts FILE</c>: the file's bytes, read as the node reads an upload, in each format.</summary>
internal static class AlertImportTargets
{
    public static FuzzTarget Csv { get; } = Of("alerts-csv", "import.csv");
    public static FuzzTarget Json { get; } = Of("alerts-json", "import.json");
    public static FuzzTarget JsonLines { get; } = Of("alerts-jsonl", "import.jsonl");

    private static FuzzTarget Of(string name, string fileName) =>
        new(name, $"AlertFileReader.Read of a {Path.GetExtension(fileName)} file", input => Read(input, fileName));

    private static void Read(byte[] input, string fileName)
    {
        using var stream = new MemoryStream(input, writable: false);
        var file = AlertFileReader.Read(stream, fileName);
        // A file is imported whole or not at all.
        if (file.IsValid == (file.Alerts.Count == 0))
            throw new BrokenPromiseException($"{file.Alerts.Count} alerts with {file.Errors.Count} errors");
        foreach (var alert in file.Alerts)
        {
            if (alert.Validate().Count > 0)
                throw new BrokenPromiseException("an alert returned as valid does not validate");
        }
    }
}

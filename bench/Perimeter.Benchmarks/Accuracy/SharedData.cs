using System.Globalization;
using Perimeter.Features.Alerts;
using Perimeter.Features.Imports;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>
/// The shared data the development set is made from, read in place and never copied into the repository:
/// OFAC's SDN list (through <see cref="OfacReader"/>, as the node imports it) and FEBRL's linkage pair 4a/4b. (The
/// English nickname list there is read by the node itself, so no query is made from it.)
/// </summary>
internal sealed class SharedData
{
    public required string Directory { get; init; }
    public required IReadOnlyList<OfacEntry> Ofac { get; init; }
    /// <summary>OFAC program tags by entry number: <c>SDNTK</c>, <c>SDGT</c>.</summary>
    public required IReadOnlyDictionary<int, string[]> Programs { get; init; }
    public required IReadOnlyList<FebrlRecord> FebrlA { get; init; }
    public required IReadOnlyList<FebrlRecord> FebrlB { get; init; }

    /// <summary>
    /// The folder holding <c>ofac/</c>, <c>febrl/</c> and <c>nicknames/</c>: <paramref name="explicitDirectory"/> when
    /// given, else the first <c>shared/data</c> found walking up from the current directory.
    /// </summary>
    public static string Locate(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            if (!System.IO.Directory.Exists(Path.Combine(explicitDirectory, "ofac")))
                throw new DirectoryNotFoundException($"--data {explicitDirectory}: no ofac/ folder inside it");
            return Path.GetFullPath(explicitDirectory);
        }
        for (var dir = new DirectoryInfo(System.IO.Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "ofac")))
                return candidate;
        }
        throw new DirectoryNotFoundException("no shared/data/ofac above the current directory: pass --data DIR");
    }

    public static SharedData Load(string directory)
    {
        var ofacDirectory = Path.Combine(directory, "ofac");
        var ofac = OfacReader.Read(ofacDirectory);
        return new SharedData
        {
            Directory = directory,
            Ofac = [.. ofac.Entries.OrderBy(e => e.EntNum)],
            Programs = ofac.Entries.ToDictionary(e => e.EntNum, e => ProgramsOf(e.Content.Narrative)),
            FebrlA = Febrl(Path.Combine(directory, "febrl", "dataset4a.csv")),
            FebrlB = Febrl(Path.Combine(directory, "febrl", "dataset4b.csv")),
        };
    }

    // OfacReader writes the programs into the narrative as "OFAC SDN list (SDNTK, SDGT)…".
    private static string[] ProgramsOf(string? narrative)
    {
        const string Prefix = "OFAC SDN list (";
        if (narrative is null || !narrative.StartsWith(Prefix, StringComparison.Ordinal))
            return [];
        var close = narrative.IndexOf(')', Prefix.Length);
        return close < 0 ? [] : narrative[Prefix.Length..close].Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
    }

    // Header row, ", "-separated, no quoting, empty fields for missing values (shared/data/febrl/README.md).
    private static List<FebrlRecord> Febrl(string path)
    {
        var records = new List<FebrlRecord>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (fields.Length < 11)
                continue;
            // rec-<N>-org or rec-<N>-dup-<k>: N is the ground truth.
            var id = fields[0].Split('-');
            if (id.Length < 3 || !int.TryParse(id[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                continue;
            records.Add(new FebrlRecord(number, fields[0], fields[1], fields[2], DateOf(fields[9])));
        }
        return records;
    }

    // YYYYMMDD, possibly corrupted: a date that does not exist is left out, as a form would refuse it.
    private static PartialDate? DateOf(string text) =>
        text.Length == 8 && PartialDate.TryParse($"{text[..4]}-{text[4..6]}-{text[6..]}", out var date) ? date : null;
}

/// <summary>One FEBRL record: <c>rec-552-dup-3, harley, mccarthy, …, 19720415</c>.</summary>
internal sealed record FebrlRecord(int Number, string RecordId, string GivenName, string Surname, PartialDate? DateOfBirth);

/// <summary>A person name of an OFAC entry as <see cref="OfacReader"/> split it: surnames before the first comma.</summary>
internal static class PersonNames
{
    /// <summary>Whether the name came with its parts apart: "GUZMAN LOERA, Joaquin" has, "ABU MUHAMMAD" has not.</summary>
    public static bool IsStructured(PersonName name) => name.GivenNames is { Length: > 0 } && name.Surnames is { Length: > 0 };

    /// <summary>Folded, given names first when the parts are known: "GUZMAN LOERA, Joaquin" → "joaquin guzman loera".</summary>
    public static string CanonicalText(PersonName name) =>
        NameText.Fold(name.FullName ?? $"{name.GivenNames} {name.Surnames}");
}

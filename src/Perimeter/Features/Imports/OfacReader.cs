using System.Globalization;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

/// <summary>
/// Reads OFAC's SDN list in its legacy CSV files (<c>sdn.csv</c>, and <c>alt.csv</c> aliases and <c>add.csv</c>
/// addresses when present) into alerts: individuals as persons, entities as organizations, vessels and aircraft as
/// vehicles. The files have no header, write an empty field as <c>-0- </c>, and end with a 0x1A byte.
/// </summary>
public static class OfacReader
{
    public const string SdnFile = "sdn.csv";
    public const string AltFile = "alt.csv";
    public const string AddFile = "add.csv";

    private const string NullMarker = "-0-";

    /// <summary>The SDN list is public, so it is released to everyone and shared within any agreement.</summary>
    public static Markings Markings { get; } = new()
    {
        Tlp = Tlp.Clear,
        ReleasableTo = [AccessPolicy.Everyone],
        Handling = Handling.ShareWithinAgreement,
        SourceReliability = SourceReliability.A,
        InformationCredibility = InformationCredibility.Confirmed,
        Purposes = Purposes.Sanctions | Purposes.CounterNarcotics | Purposes.CounterTerrorism
            | Purposes.MoneyLaundering | Purposes.BorderSecurity,
        ReviewBy = null,
    };

    /// <summary>Reads the files in <paramref name="directory"/>; throws <see cref="FileNotFoundException"/> when it has no <c>sdn.csv</c>.</summary>
    public static OfacList Read(string directory)
    {
        var sdn = Path.Combine(directory, SdnFile);
        if (!File.Exists(sdn))
            throw new FileNotFoundException($"{SdnFile} not found in {Path.GetFullPath(directory)}: the OFAC list needs at least {SdnFile}", sdn);
        return Read(ReadText(sdn), ReadOptional(Path.Combine(directory, AltFile)), ReadOptional(Path.Combine(directory, AddFile)));
    }

    /// <summary>Reads already-decoded files; <paramref name="alt"/> and <paramref name="add"/> may be left out.</summary>
    public static OfacList Read(TextReader sdn, TextReader? alt = null, TextReader? add = null) =>
        Read(sdn.ReadToEnd(), alt?.ReadToEnd(), add?.ReadToEnd());

    private static OfacList Read(string sdn, string? alt, string? add)
    {
        var warnings = new List<string>();
        var aliases = Rows(alt ?? "", AltFile, warnings).ToLookup(r => r.EntNum, r => (Type: NameTypeOf(Value(r.Fields, 2)), Name: Value(r.Fields, 3)));
        var addresses = Rows(add ?? "", AddFile, warnings).ToLookup(r => r.EntNum, r => Value(r.Fields, 4));
        var entries = new List<OfacEntry>();
        foreach (var row in Rows(sdn, SdnFile, warnings))
        {
            var entry = new OfacEntryBuilder(row.EntNum, row.Fields, warnings);
            var content = entry.Build(
                [.. aliases[row.EntNum].Where(a => a.Name is not null).Select(a => (a.Type, a.Name!))],
                [.. addresses[row.EntNum].OfType<string>()]);
            if (content.Validate() is { Count: > 0 } errors)
                warnings.Add($"ofac:{row.EntNum}: left out, still invalid: {errors}");
            else
                entries.Add(new OfacEntry(row.EntNum, content));
        }
        return new OfacList(entries, warnings);
    }

    private static string ReadText(string path) => TextDecoding.Lenient(File.ReadAllBytes(path));

    private static string? ReadOptional(string path) => File.Exists(path) ? ReadText(path) : null;

    // Records with fewer than 5 fields are not rows: the trailing 0x1A byte reads as a one-field record.
    private static IEnumerable<(int EntNum, IReadOnlyList<string> Fields)> Rows(string text, string file, List<string> warnings)
    {
        foreach (var record in CsvRecords.Read(text))
        {
            if (record.Fields.Count < 5)
                continue;
            if (!int.TryParse(record.Fields[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var entNum))
            {
                warnings.Add($"{file}:{record.Line}: skipped, ent_num \"{record.Fields[0]}\" is not a number");
                continue;
            }
            yield return (entNum, record.Fields);
        }
    }

    /// <summary>A field, or null when it is missing, empty or OFAC's null marker <c>-0- </c>.</summary>
    internal static string? Value(IReadOnlyList<string> fields, int index)
    {
        if (index >= fields.Count)
            return null;
        var value = fields[index].Trim();
        return value.Length == 0 || string.Equals(value, NullMarker, StringComparison.Ordinal) ? null : value;
    }

    private static NameType NameTypeOf(string? altType) => altType?.ToLowerInvariant() switch
    {
        "fka" => NameType.Fka,
        "nka" => NameType.Nka,
        _ => NameType.Aka,
    };
}

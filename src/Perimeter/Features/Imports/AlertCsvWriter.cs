using System.Buffers;
using System.Globalization;
using CsvHelper;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Evidence;
using Column = Perimeter.Features.Imports.AlertCsvColumns;

namespace Perimeter.Features.Imports;

/// <summary>
/// Writes person alerts in the CSV import format (docs/import-formats.md), one row at a time, so that a file of
/// millions of rows never sits in memory: what <see cref="AlertCsvRow"/> reads back as the same content.
/// Other kinds have no writer yet because nothing produces them as files.
/// </summary>
internal sealed class AlertCsvWriter : IDisposable
{
    /// <summary>The header: the columns a person alert can fill, in the documented order.</summary>
    public static readonly IReadOnlyList<string> PersonColumns =
    [
        Column.ExternalRef, Column.Kind, Column.Category, Column.ActionOnHit, Column.Tlp, Column.ReleasableTo, Column.Handling,
        Column.SourceReliability, Column.InformationCredibility, Column.Purposes, Column.ReviewBy, Column.Narrative,
        Column.GivenNames, Column.Surnames, Column.FullName, Column.Aliases, Column.Nicknames, Column.DatesOfBirth,
        Column.PlaceOfBirth, Column.Nationalities, Column.Sex, Column.Documents,
    ];

    // Inside a multi-value cell these separate values (;), alias parts (|) and document parts (:).
    private static readonly SearchValues<char> Separators = SearchValues.Create(";|");
    private static readonly SearchValues<char> DocumentSeparators = SearchValues.Create(";:");

    // The words are computed once: a million rows would otherwise convert every enum name a million times.
    private static readonly Dictionary<AlertCategory, string> Categories = Words<AlertCategory>();
    private static readonly Dictionary<ActionOnHit, string> Actions = Words<ActionOnHit>();
    private static readonly Dictionary<Handling, string> Handlings = Words<Handling>();
    private static readonly Dictionary<Sex, string> Sexes = Words<Sex>();
    private static readonly Dictionary<DocumentType, string> DocumentTypes = Words<DocumentType>();

    private readonly CsvWriter _csv;
    private readonly List<string> _values = [];
    private readonly Dictionary<Purposes, string> _purposeLists = [];

    /// <summary>Writes UTF-8 without a byte-order mark, the header first; the caller owns <paramref name="output"/> and closes it.</summary>
    public AlertCsvWriter(Stream output)
    {
        // LF line ends, as the repository's files have them, on every system: one seed gives the same bytes everywhere.
        _csv = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        _csv.WriteHeader([.. PersonColumns]);
    }

    public void Write(AlertContent alert)
    {
        if (alert.Subject.Person is not { } person)
            throw new ArgumentException($"only person alerts can be written, not {alert.Kind}", nameof(alert));
        var markings = alert.Markings;
        _csv.WriteField(alert.ExternalRef);
        _csv.WriteField("person");
        _csv.WriteField(Categories[alert.Category]);
        _csv.WriteField(Actions[alert.ActionOnHit]);
        _csv.WriteField(MarkingText.Of(markings.Tlp));
        _csv.WriteField(Join(markings.ReleasableTo));
        _csv.WriteField(Handlings[markings.Handling]);
        _csv.WriteField(markings.SourceReliability.ToString());
        _csv.WriteField(((int)markings.InformationCredibility).ToString(CultureInfo.InvariantCulture));
        _csv.WriteField(PurposeList(markings.Purposes));
        _csv.WriteField(markings.ReviewBy?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _csv.WriteField(alert.Narrative);
        WritePrimaryName(person);
        _csv.WriteField(Join(person.Names.Where(IsAlias).Select(AliasText)));
        _csv.WriteField(Join(person.Names.Where(n => n.Type == NameType.Nickname).Select(n => Value(n.Display))));
        _csv.WriteField(Join(person.DatesOfBirth.Select(d => d.ToString())));
        _csv.WriteField(person.PlaceOfBirth);
        _csv.WriteField(Join(person.Nationalities));
        _csv.WriteField(Sexes[person.Sex]);
        _csv.WriteField(Join(person.Documents.Select(DocumentText)));
        _csv.EndRecord();
    }

    public void Flush() => _csv.Flush();

    public void Dispose() => _csv.Dispose();

    // The file has one primary name per row, split into given names and surnames where they are known.
    private void WritePrimaryName(PersonData person)
    {
        var primary = person.Names.FirstOrDefault(n => n.Type == NameType.Primary);
        _csv.WriteField(primary?.FullName is null ? primary?.GivenNames : null);
        _csv.WriteField(primary?.FullName is null ? primary?.Surnames : null);
        _csv.WriteField(primary?.FullName);
    }

    // The CSV format has one column for other names; formerly-known-as and weak aliases are read back as aliases.
    private static bool IsAlias(PersonName name) => name.Type is NameType.Aka or NameType.Fka or NameType.Nka or NameType.WeakAka;

    private static string AliasText(PersonName name) =>
        name.FullName is { } full ? Value(full) : $"{Value(name.GivenNames ?? "")}|{Value(name.Surnames ?? "")}";

    private static string DocumentText(IdentityDocument document)
    {
        if (document.Number.AsSpan().ContainsAny(DocumentSeparators))
            throw new ArgumentException($"a document number cannot hold ';' or ':' in a CSV cell: \"{document.Number}\"", nameof(document));
        return document.IssuingCountry is { } country
            ? $"{DocumentTypes[document.Type]}:{document.Number}:{country}"
            : $"{DocumentTypes[document.Type]}:{document.Number}";
    }

    private static string Value(string text) => text.AsSpan().ContainsAny(Separators)
        ? throw new ArgumentException($"a name cannot hold ';' or '|' in a CSV cell: \"{text}\"", nameof(text))
        : text;

    private string? Join(IEnumerable<string> values)
    {
        _values.Clear();
        _values.AddRange(values);
        return _values.Count == 0 ? null : string.Join(';', _values);
    }

    private string PurposeList(Purposes purposes)
    {
        if (!_purposeLists.TryGetValue(purposes, out var words))
            _purposeLists[purposes] = words = string.Join(';', MarkingText.Of(purposes));
        return words;
    }

    private static Dictionary<T, string> Words<T>() where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => v, v => MarkingText.Of(v));
}

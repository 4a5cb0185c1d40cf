using System.Globalization;
using Perimeter.Features.Imports;
using Perimeter.Localization;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;

namespace Perimeter.Features.Screening;

/// <summary>
/// The screening input CSV of ports and analysts: a header, then <c>id,name</c> and optionally
/// <c>dob,nationality,sex,document,kind</c>. Names in any layout people write; dates as YYYY, YYYY-MM or
/// YYYY-MM-DD; nationality as an ISO code or a country name in English or Spanish. All rows are checked
/// before any is screened; errors name the line.
/// </summary>
public static class ScreeningInput
{
    public const int MaxRows = 1_000_000;
    private static readonly string[] Known = ["id", "name", "dob", "nationality", "sex", "document", "kind"];
    private static readonly string[] Required = ["id", "name"];

    public sealed record Query(string Id, Subject Subject);

    public sealed record Read(IReadOnlyList<Query> Queries, IReadOnlyList<string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Read FromFile(string path)
    {
        if (!File.Exists(path))
            return new Read([], [$"{path}: no such file"]);
        var bytes = File.ReadAllBytes(path);
        if (TextDecoding.TryUtf8(bytes, out var badLine) is not { } text)
            return new Read([], [$"{Path.GetFileName(path)}:{badLine}: not valid UTF-8"]);
        return FromCsv(text, Path.GetFileName(path));
    }

    public static Read FromCsv(string text, string fileName)
    {
        var errors = new List<string>();
        var queries = new List<Query>();
        using var records = CsvRecords.Read(text.TrimStart('\uFEFF')).GetEnumerator();
        if (!records.MoveNext())
            return new Read([], [$"{fileName}:1: {Text.Get("ManifestEmpty")}"]);
        var header = records.Current.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        foreach (var column in header.Where(c => !Known.Contains(c, StringComparer.Ordinal)))
            errors.Add($"{fileName}:1: {Text.Format("ManifestUnknownColumn", column, string.Join(',', Known))}");
        foreach (var repeated in header.Where(Known.Contains).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"{fileName}:1: {Text.Format("ManifestRepeatedColumn", repeated.Key)}");
        foreach (var required in Required.Where(r => !header.Contains(r, StringComparer.Ordinal)))
            errors.Add($"{fileName}:1: {Text.Format("ManifestMissingColumn", required)}");
        if (errors.Count > 0)
            return new Read([], errors);

        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (records.MoveNext())
        {
            var record = records.Current;
            var where = $"{fileName}:{record.Line}";
            if (record.Problem is { } problem)
            {
                errors.Add($"{where}: {problem}");
                continue;
            }
            if (record.Fields.Count != header.Count)
            {
                errors.Add($"{where}: {Text.Format("ManifestFieldCount", record.Fields.Count, header.Count)}");
                continue;
            }
            if (queries.Count >= MaxRows)
            {
                errors.Add($"{where}: {Text.Format("ManifestTooManyRows", MaxRows)}");
                break;
            }
            var row = header.Select((h, i) => (h, record.Fields[i].Trim())).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
            if (Parse(row, where, errors) is { } query)
            {
                if (!ids.Add(query.Id))
                    errors.Add($"{where}: {Text.Format("ManifestDuplicateId", query.Id)}");
                else
                    queries.Add(query);
            }
            if (errors.Count >= 100)
                break;
        }
        // A header alone is an upload mistake far more often than a list with nobody on it.
        if (errors.Count == 0 && queries.Count == 0)
            errors.Add($"{fileName}:2: {Text.Get("ManifestNoRows")}");
        return errors.Count > 0 ? new Read([], errors) : new Read(queries, []);
    }

    private static Query? Parse(Dictionary<string, string> row, string where, List<string> errors)
    {
        var count = errors.Count;
        var id = row["id"];
        var name = row["name"];
        if (id.Length is 0 or > 200)
            errors.Add($"{where}: id: {Text.Get(id.Length == 0 ? "ManifestRequired" : "ManifestIdTooLong")}");
        if (name.Length > 300 || name.Any(char.IsControl))
            errors.Add($"{where}: name: {Text.Get("ManifestNameInvalid")}");

        var kind = SubjectKind.Person;
        if (row.GetValueOrDefault("kind") is { Length: > 0 } kindText)
        {
            // Enum.TryParse also takes numbers, even ones no kind has: only the words are kinds.
            if (Enum.TryParse(kindText, ignoreCase: true, out SubjectKind parsed) && Enum.IsDefined(parsed) && !int.TryParse(kindText, out _))
                kind = parsed;
            else
                errors.Add($"{where}: kind: {Text.Format("ManifestUnknownKind", kindText)}");
        }
        PartialDate[] dates = [];
        if (row.GetValueOrDefault("dob") is { Length: > 0 } dob)
        {
            if (PartialDate.TryParse(dob, out var date))
                dates = [date];
            else
                errors.Add($"{where}: dob: {Text.Format("ManifestBadDate", dob)}");
        }
        string[] nationalities = [];
        if (row.GetValueOrDefault("nationality") is { Length: > 0 } nationality)
        {
            if (CountryNames.TryParse(nationality, out var code))
                nationalities = [code];
            else
                errors.Add($"{where}: nationality: {Text.Format("ManifestUnknownCountry", nationality)}");
        }
        var sex = Sex.Unknown;
        if (row.GetValueOrDefault("sex") is { Length: > 0 } sexText)
        {
            sex = sexText.ToUpperInvariant() switch
            {
                "M" or "MALE" or "H" or "HOMBRE" or "MASCULINO" => Sex.Male,
                "F" or "FEMALE" or "MUJER" or "FEMENINO" => Sex.Female,
                _ => Sex.Unknown,
            };
            if (sex == Sex.Unknown && !string.Equals(sexText, "u", StringComparison.OrdinalIgnoreCase))
                errors.Add($"{where}: sex: {Text.Format("ManifestBadSex", sexText)}");
        }
        Identifier[] identifiers = [];
        if (row.GetValueOrDefault("document") is { Length: > 0 } document)
        {
            if (document.Length > 100)
                errors.Add($"{where}: document: {Text.Get("ManifestDocumentTooLong")}");
            else
                identifiers = [IdentifierOf(kind, document)];
        }
        if (name.Length == 0 && identifiers.Length == 0)
            errors.Add($"{where}: name: {Text.Get("ManifestNameRequired")}");
        if (errors.Count > count)
            return null;
        return new Query(id, new Subject
        {
            Kind = kind,
            Names = name.Length > 0 ? [SubjectName.Free(name)] : [],
            DatesOfBirth = dates,
            Nationalities = nationalities,
            Sex = sex,
            Identifiers = identifiers,
        });
    }

    /// <summary><c>passport:G12345678:MX</c>, or a bare number read by the row's kind (a VIN, plate or serial for objects).</summary>
    private static Identifier IdentifierOf(SubjectKind kind, string text)
    {
        var parts = text.Split(':');
        if (parts.Length >= 2 && Enum.TryParse<IdentifierType>(parts[0].Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var type))
            return new Identifier(type, parts[1], parts.Length > 2 ? parts[2] : null);
        return kind switch
        {
            SubjectKind.Vehicle => Vin.IsWellFormed(Vin.Normalize(text)) ? new Identifier(IdentifierType.Vin, text) : new Identifier(IdentifierType.Plate, text),
            SubjectKind.Firearm => new Identifier(IdentifierType.FirearmSerial, text),
            SubjectKind.Person or SubjectKind.Organization or SubjectKind.Document => new Identifier(IdentifierType.Other, text),
        };
    }

    /// <summary>
    /// Writes results: <c>query_id,rank,alert_ref,score,band,explanation,evidence_for,evidence_against</c>. The
    /// explanation is the engine's line in English, for machines; the evidence is in sentences joined with "; ", in the
    /// current UI culture, for the officer who reads the file.
    /// </summary>
    public static void WriteResults(TextWriter writer, IEnumerable<(string QueryId, IReadOnlyList<Match> Matches)> results, Func<Guid, string> referenceOf)
    {
        writer.WriteLine("query_id,rank,alert_ref,score,band,explanation,evidence_for,evidence_against");
        foreach (var (queryId, matches) in results)
        {
            for (var rank = 0; rank < matches.Count; rank++)
            {
                var match = matches[rank];
                var reasons = ScreeningReasons.Of(match.Explanation);
                writer.WriteLine(string.Join(',',
                    Quote(queryId),
                    (rank + 1).ToString(CultureInfo.InvariantCulture),
                    Quote(referenceOf(match.Id)),
                    match.Score.ToString("0.0000", CultureInfo.InvariantCulture),
                    match.Band.ToString().ToLowerInvariant(),
                    Quote(match.Explanation.Summary()),
                    Quote(string.Join("; ", reasons.For)),
                    Quote(string.Join("; ", reasons.Against))));
            }
        }
    }

    /// <summary>The alert ids a results file names, as written by <see cref="WriteResults"/> with ids as references.</summary>
    public static IReadOnlyList<Guid> AlertIdsOfResults(string results) =>
        [.. CsvRecords.Read(results).Skip(1).Select(r => r.Fields.Count > 2 && Guid.TryParse(r.Fields[2], out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()];

    /// <summary>A results file with only the rows whose alert <paramref name="shows"/> keeps, ranked again within each query.</summary>
    public static string KeepResults(string results, Func<Guid, bool> shows)
    {
        using var writer = new StringWriter();
        var rank = 0;
        string? query = null;
        foreach (var record in CsvRecords.Read(results))
        {
            var fields = record.Fields.ToArray();
            if (record.Line > 1)
            {
                if (fields.Length < 3 || !Guid.TryParse(fields[2], out var id) || !shows(id))
                    continue;
                rank = fields[0] == query ? rank + 1 : 1;
                query = fields[0];
                fields[1] = rank.ToString(CultureInfo.InvariantCulture);
            }
            writer.WriteLine(string.Join(',', fields.Select(Quote)));
        }
        return writer.ToString();
    }

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}

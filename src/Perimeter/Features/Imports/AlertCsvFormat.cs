namespace Perimeter.Features.Imports;

/// <summary>
/// Alerts in CSV: a header row naming the columns (any order, any subset that includes the required ones), then one
/// row per alert. Each error names the physical line of the row and the column.
/// </summary>
internal static class AlertCsvFormat
{
    public static List<ParsedAlert> Read(string text, string fileName, List<ImportError> errors)
    {
        var alerts = new List<ParsedAlert>();
        using var records = CsvRecords.Read(text).GetEnumerator();
        if (!records.MoveNext())
            return alerts;
        if (Header(records.Current, fileName, errors) is not { } columns)
            return alerts;
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Problem is { } problem)
                errors.Add(new ImportError(fileName, record.Line, $"malformed CSV: {problem}"));
            else if (record.Fields.Count != columns.Count)
                errors.Add(new ImportError(fileName, record.Line,
                    $"expected {columns.Count} fields as in the header, found {record.Fields.Count}"));
            else if (new AlertCsvRow(columns, record, fileName, errors).Read() is { } content)
                alerts.Add(new ParsedAlert(record.Line, "", content));
        }
        return alerts;
    }

    private static List<string>? Header(CsvRecord header, string fileName, List<ImportError> errors)
    {
        var before = errors.Count;
        if (header.Problem is { } problem)
            errors.Add(new ImportError(fileName, header.Line, $"malformed CSV header: {problem}"));
        var columns = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var known = AlertCsvColumns.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => !known.Contains(c)))
        {
            errors.Add(new ImportError(fileName, header.Line, column.Length == 0
                ? "empty column name in the header"
                : $"unknown column \"{column}\" (see docs/import-formats.md for the column names)"));
        }
        foreach (var column in columns.Where(c => c.Length > 0).GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add(new ImportError(fileName, header.Line, $"column \"{column.Key}\" appears twice"));
        foreach (var column in AlertCsvColumns.Required.Where(r => !columns.Contains(r)))
            errors.Add(new ImportError(fileName, header.Line, $"missing required column \"{column}\""));
        return errors.Count == before ? columns : null;
    }
}

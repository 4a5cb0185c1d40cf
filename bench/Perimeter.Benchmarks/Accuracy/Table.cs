using System.Globalization;
using System.Text;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>A titled table printed as aligned text on the console and as a Markdown table in the report file.</summary>
internal sealed class Table(string title, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public string Title => title;

    /// <summary>Free text printed under the table: what the figures mean.</summary>
    public string? Note { get; set; }

    public Table Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public string ToText()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        var text = new StringBuilder();
        text.AppendLine(title).AppendLine(new string('-', Math.Min(120, title.Length)));
        text.AppendLine(Line(headers, widths));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in _rows)
            text.AppendLine(Line(row, widths));
        if (Note is not null)
            text.AppendLine(Note);
        return text.ToString();
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("#### ").AppendLine(title).AppendLine();
        text.Append("| ").AppendJoin(" | ", headers).AppendLine(" |");
        text.Append('|').AppendJoin('|', headers.Select((_, i) => i == 0 ? "---" : "---:")).AppendLine("|");
        foreach (var row in _rows)
            text.Append("| ").AppendJoin(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))).AppendLine(" |");
        if (Note is not null)
            text.AppendLine().AppendLine(Note);
        return text.ToString();
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "—";

    public static string Number(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

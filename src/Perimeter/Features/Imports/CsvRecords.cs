using System.Text;
using Perimeter.Localization;

namespace Perimeter.Features.Imports;

/// <summary>One CSV record: the physical line it starts on, its fields, and the first thing wrong with its quoting.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string? Problem);

/// <summary>
/// RFC 4180 records with the line numbers people need in error messages. A record may span lines inside quotes;
/// blank lines are skipped. Quoting mistakes do not stop the reader: the record says what went wrong and reading goes on
/// at the next line, so that strict callers can refuse it and lenient ones (OFAC's files) can keep it. The problem is
/// worded in the current UI language, as the rest of a manifest's errors are.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<CsvRecord> Read(string text)
    {
        var i = 0;
        var line = 1;
        var field = new StringBuilder();
        while (i < text.Length)
        {
            if (LineBreakLength(text, i) is > 0 and var blank)
            {
                i += blank;
                line++;
                continue;
            }
            var start = line;
            var fields = new List<string>();
            string? problem = null;
            while (true)
            {
                field.Clear();
                if (text[i] == '"')
                {
                    var quoteLine = line;
                    var closed = false;
                    i++;
                    while (i < text.Length)
                    {
                        var c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"')
                            {
                                field.Append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n')
                            line++;
                        field.Append(c);
                        i++;
                    }
                    if (!closed)
                        problem ??= Text.Format("CsvUnclosedQuote", quoteLine);
                    while (i < text.Length && text[i] != ',' && LineBreakLength(text, i) == 0)
                    {
                        problem ??= Text.Get("CsvTextAfterClosingQuote");
                        field.Append(text[i++]);
                    }
                }
                else
                {
                    while (i < text.Length && text[i] != ',' && LineBreakLength(text, i) == 0)
                    {
                        if (text[i] == '"')
                            problem ??= Text.Get("CsvQuoteInUnquotedField");
                        field.Append(text[i++]);
                    }
                }
                fields.Add(field.ToString());
                if (i < text.Length && text[i] == ',')
                {
                    i++;
                    if (i < text.Length)
                        continue;
                    fields.Add("");
                }
                else if (i < text.Length)
                {
                    i += LineBreakLength(text, i);
                    line++;
                }
                break;
            }
            yield return new CsvRecord(start, fields, problem);
        }
    }

    // CRLF and LF end a line; a lone CR is data.
    private static int LineBreakLength(string text, int i) => text[i] switch
    {
        '\n' => 1,
        '\r' when i + 1 < text.Length && text[i + 1] == '\n' => 2,
        _ => 0,
    };
}

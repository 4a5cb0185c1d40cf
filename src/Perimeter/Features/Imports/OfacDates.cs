using System.Globalization;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Imports;

/// <summary>OFAC's ways of writing a date of birth, as partial dates.</summary>
internal static class OfacDates
{
    private static readonly string[] Months = DateTimeFormatInfo.InvariantInfo.AbbreviatedMonthNames;
    private static readonly string[] MonthNames = DateTimeFormatInfo.InvariantInfo.MonthNames;

    /// <summary>
    /// <c>25 Dec 1954</c>, <c>Dec 1954</c>, <c>1954</c>, <c>circa 1954</c>; a range (<c>1960 to 1962</c>,
    /// <c>01 Jan 1960 to 31 Dec 1962</c>, <c>circa 1979-1982</c>) becomes the month or the years it covers.
    /// Null when the text is not a date.
    /// </summary>
    public static IReadOnlyList<PartialDate>? Parse(string text)
    {
        var trimmed = text.Trim().TrimEnd('.').Trim();
        if (trimmed.StartsWith("circa ", StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed["circa ".Length..].Trim();
        var range = trimmed.Split(" to ", StringSplitOptions.TrimEntries);
        if (range.Length == 1 && trimmed.Length == 9 && trimmed[4] == '-')
            range = trimmed.Split('-');
        if (range.Length == 1)
            return One(trimmed) is { } date ? [date] : null;
        if (range.Length != 2 || One(range[0]) is not { } from || One(range[1]) is not { } to || to.Year < from.Year)
            return null;
        if (from.Year == to.Year)
            return from.Month is { } m && m == to.Month ? [new PartialDate(from.Year, m)] : [new PartialDate(from.Year)];
        return [.. Enumerable.Range(from.Year, to.Year - from.Year + 1).Select(y => new PartialDate(y))];
    }

    private static PartialDate? One(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var iso = parts.Length switch
        {
            1 => parts[0],
            2 when Month(parts[0]) is { } m => $"{parts[1]}-{m:D2}",
            3 when Month(parts[1]) is { } m => $"{parts[2]}-{m:D2}-{parts[0].PadLeft(2, '0')}",
            _ => null,
        };
        return iso is not null && PartialDate.TryParse(iso, out var date) ? date : null;
    }

    private static int? Month(string word)
    {
        for (var i = 0; i < 12; i++)
        {
            if (string.Equals(Months[i], word, StringComparison.OrdinalIgnoreCase)
                || string.Equals(MonthNames[i], word, StringComparison.OrdinalIgnoreCase))
                return i + 1;
        }
        return null;
    }
}

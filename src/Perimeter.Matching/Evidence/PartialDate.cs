using System.Globalization;

namespace Perimeter.Matching.Evidence;

/// <summary>A date that may be known only to the year or month: <c>1957</c>, <c>1957-04</c>, <c>1957-04-04</c>.</summary>
/// <param name="Year">Four-digit year, 1800–2200: <c>1957</c>.</param>
/// <param name="Month">Month 1–12 when known: <c>4</c> for April.</param>
/// <param name="Day">Day of the month when known (only with a month): <c>4</c>.</param>
public readonly record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    /// <summary>Whether year, month and day are all known: <c>new PartialDate(1957, 4, 4).IsComplete</c> → true.</summary>
    public bool IsComplete => Month is not null && Day is not null;

    /// <summary>Reads <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>: <c>TryParse("1957-04", out var d)</c> → true, d = 1957-04.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4)
            return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1800 || year > 2200)
            return false;
        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (parts[1].Length != 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
                return false;
            month = m;
        }
        if (parts.Length == 3)
        {
            // month is set: a third part exists only after a second, which set it.
            if (parts[2].Length != 2 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
                return false;
            day = d;
        }
        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>The date in the form it was read, as precise as it is known: <c>new PartialDate(1957, 4).ToString()</c> → <c>1957-04</c>.</summary>
    public override string ToString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        ({ } m, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}"),
        ({ } m, { } d) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{m:D2}-{d:D2}"),
    };
}

using System.Globalization;

namespace Perimeter.Matching.Evidence;

/// <summary>Compares a query's date of birth with every date a list entry gives, keeping the best agreement.</summary>
public static class DateOfBirthMatch
{
    /// <summary>
    /// The best agreement over the listed dates, so the nearest of several dates or of a listed range:
    /// <c>Compare(1957-04-07, [1960, 1957-07-04])</c> → <c>(DayMonthSwapped, "1957-04-07 day-month-swapped 1957-07-04")</c>.
    /// </summary>
    public static DateOfBirthComparison Compare(PartialDate? query, IReadOnlyList<PartialDate> listed)
    {
        if (query is not { } q)
            return new(DateAgreement.Missing, "missing: query");
        if (listed.Count == 0)
            return new(DateAgreement.Missing, "missing: list");
        var best = ComparePair(q, listed[0]);
        for (var i = 1; i < listed.Count && best.Agreement != DateAgreement.Exact; i++)
        {
            var next = ComparePair(q, listed[i]);
            if (next.Agreement < best.Agreement || (next.Agreement == best.Agreement && next.YearsApart < best.YearsApart))
                best = next;
        }
        return best;
    }

    /// <summary>
    /// One date against one date, reading <c>01-01</c> on either side also as "year only":
    /// <c>ComparePair(1957-06-15, 1957-01-01)</c> → <c>SameYear</c>.
    /// </summary>
    public static DateOfBirthComparison ComparePair(PartialDate query, PartialDate listed)
    {
        var agreement = Classify(query, listed);
        var placeholder = "";
        // Registries write January 1st when only the year is known (refugee and late-registered births, many lists).
        // A real 1 January still matches exactly; otherwise the date counts as year-only, never as a contradiction.
        if (agreement != DateAgreement.Exact && (IsPlaceholder(query) || IsPlaceholder(listed)))
        {
            var asYear = Classify(IsPlaceholder(query) ? YearOnly(query) : query, IsPlaceholder(listed) ? YearOnly(listed) : listed);
            if (asYear < agreement)
            {
                agreement = asYear;
                placeholder = " (01-01 as year only)";
            }
        }
        return new(agreement, $"{query} {Symbol(agreement)} {listed}{placeholder}") { Dates = (query, listed) };
    }

    private static DateAgreement Classify(PartialDate q, PartialDate l)
    {
        if (q.IsComplete && l.IsComplete && q == l)
            return DateAgreement.Exact;
        if (q.Year == l.Year)
        {
            if (q.IsComplete && l.IsComplete && q.Month == l.Day && q.Day == l.Month)
                return DateAgreement.DayMonthSwapped;   // q != l and the swap holds, so day ≠ month
            if (q.Month is null || l.Month is null)
                return DateAgreement.SameYear;
            if (q.Month == l.Month && (q.Day is null || l.Day is null))
                return DateAgreement.SameYearAndMonth;
        }
        // A year off by one has its own cause (an age turned into a year of birth), so it is not counted as a typo
        // even when a single digit changed (1975/1976).
        var years = Math.Abs(q.Year - l.Year);
        if (years == 1 && AgreeWhereKnown(q.Month, l.Month) && AgreeWhereKnown(q.Day, l.Day))
            return DateAgreement.YearApart;
        // A typed digit in the year is believed only where day and month agree too: against a year alone, one in four
        // random years is one digit away (1948 against 1945, 1958, 1968…), so there it is a distance like any other.
        if ((years == 0 || (q.IsComplete && l.IsComplete)) && IsOneDigitTypo(q, l))
            return DateAgreement.OneDigitTypo;
        return years switch
        {
            <= 1 => DateAgreement.Different,
            <= 4 => DateAgreement.TwoToFourYearsApart,
            <= 9 => DateAgreement.FiveToNineYearsApart,
            _ => DateAgreement.TenOrMoreYearsApart,
        };
    }

    private static bool AgreeWhereKnown(int? a, int? b) => a is null || b is null || a == b;

    // Over the digits both sides know (YYYY, YYYYMM or YYYYMMDD): one substitution or one adjacent transposition.
    private static bool IsOneDigitTypo(PartialDate q, PartialDate l)
    {
        var precision = Math.Min(Precision(q), Precision(l));
        Span<char> a = stackalloc char[8];
        Span<char> b = stackalloc char[8];
        var length = Digits(q, precision, a);
        Digits(l, precision, b);
        a = a[..length];
        b = b[..length];

        var first = -1;
        var differences = 0;
        for (var i = 0; i < length; i++)
        {
            if (a[i] == b[i])
                continue;
            if (differences++ == 0)
                first = i;
        }
        return differences == 1
            || (differences == 2 && first + 1 < length && a[first] == b[first + 1] && a[first + 1] == b[first]);
    }

    private static int Precision(PartialDate d) => d.Month is null ? 1 : d.Day is null ? 2 : 3;

    private static int Digits(PartialDate d, int precision, Span<char> into)
    {
        var provider = CultureInfo.InvariantCulture;
        d.Year.TryFormat(into, out var written, "D4", provider);
        if (precision >= 2)
        {
            // Month is set whenever the precision reaches it.
            d.Month!.Value.TryFormat(into[written..], out var m, "D2", provider);
            written += m;
        }
        if (precision == 3)
        {
            d.Day!.Value.TryFormat(into[written..], out var dd, "D2", provider);
            written += dd;
        }
        return written;
    }

    private static bool IsPlaceholder(PartialDate d) => d is { Month: 1, Day: 1 };

    private static PartialDate YearOnly(PartialDate d) => new(d.Year);

    private static string Symbol(DateAgreement agreement) => agreement switch
    {
        DateAgreement.Exact => "=",
        DateAgreement.DayMonthSwapped => "day-month-swapped",
        DateAgreement.SameYearAndMonth => "same-year-month",
        DateAgreement.SameYear => "same-year",
        DateAgreement.OneDigitTypo => "one-digit",
        DateAgreement.YearApart => "year-apart",
        DateAgreement.Different => "!=",
        DateAgreement.TwoToFourYearsApart or DateAgreement.FiveToNineYearsApart or DateAgreement.TenOrMoreYearsApart => "years-apart",
        DateAgreement.Missing => "missing",
    };
}

namespace Perimeter.Matching.Evidence;

/// <summary>How two dates of birth agree, best first: <c>1957-04-07</c> against <c>1957-07-04</c> is <c>DayMonthSwapped</c>.</summary>
/// <remarks>
/// The known parts of two dates either agree, or differ in a way a common error explains, or contradict. A day that
/// differs by more than a typo makes full dates <see cref="Different"/>, even in the same month: a partial level says
/// "nothing known contradicts", never "mostly equal".
/// </remarks>
public enum DateAgreement
{
    /// <summary>Both complete and equal: <c>1957-04-04</c> = <c>1957-04-04</c>.</summary>
    Exact,

    /// <summary>Same year, day and month exchanged (both ≤ 12, not equal): <c>1957-04-07</c> / <c>1957-07-04</c>.</summary>
    DayMonthSwapped,

    /// <summary>Same year and month, the day unknown on one side: <c>1957-04-04</c> / <c>1957-04</c>.</summary>
    SameYearAndMonth,

    /// <summary>Same year, the month unknown on one side (or read as a <c>01-01</c> placeholder): <c>1957-04-04</c> / <c>1957</c>.</summary>
    SameYear,

    /// <summary>The digits both sides know differ in one place or by one adjacent transposition: <c>1975-04-12</c> / <c>1975-04-13</c>, <c>1957</c> / <c>1975</c>.</summary>
    OneDigitTypo,

    /// <summary>Years one apart, month and day equal where both are known: <c>1957-04-04</c> / <c>1958-04-04</c>.</summary>
    YearApart,

    /// <summary>The known parts contradict within a year: <c>1975-04-12</c> / <c>1975-09-30</c>, <c>1957-04-04</c> / <c>1958-05-04</c>.</summary>
    Different,

    /// <summary>Years two to four apart, not explained by a typed digit: <c>1957-04-04</c> / <c>1960-11-20</c>.</summary>
    TwoToFourYearsApart,

    /// <summary>Years five to nine apart: <c>1957-04-04</c> / <c>1963</c>.</summary>
    FiveToNineYearsApart,

    /// <summary>Years ten or more apart: another generation, <c>1981-06-02</c> / <c>1954-12-25</c>.</summary>
    TenOrMoreYearsApart,

    /// <summary>Either side has no date of birth: the level says nothing for or against.</summary>
    Missing,
}

/// <summary>The best agreement between a query's date of birth and a list entry's, and why: <c>(Exact, "1957-04-04 = 1957-04-04")</c>.</summary>
/// <param name="Agreement">The best level over the entry's dates: <c>DateAgreement.SameYear</c>.</param>
/// <param name="Explanation">Short and machine-readable: <c>"1957-04-04 same-year 1957"</c>.</param>
public readonly record struct DateOfBirthComparison(DateAgreement Agreement, string Explanation)
{
    /// <summary>The query's date and the listed date it was compared with (null when either is missing).</summary>
    public (PartialDate Query, PartialDate Listed)? Dates { get; init; }

    /// <summary>Whole years between the two years of birth: 27 for 1981 against 1954; 0 when either date is missing.</summary>
    public int YearsApart => Dates is var (query, listed) ? Math.Abs(query.Year - listed.Year) : 0;
}

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

    /// <summary>The known parts contradict: <c>1957-04-04</c> / <c>1962-11-20</c>.</summary>
    Different,

    /// <summary>Either side has no date of birth: the level says nothing for or against.</summary>
    Missing,
}

/// <summary>The best agreement between a query's date of birth and a list entry's, and why: <c>(Exact, "1957-04-04 = 1957-04-04")</c>.</summary>
/// <param name="Agreement">The best level over the entry's dates: <c>DateAgreement.SameYear</c>.</param>
/// <param name="Explanation">Short and machine-readable: <c>"1957-04-04 same-year 1957"</c>.</param>
public readonly record struct DateOfBirthComparison(DateAgreement Agreement, string Explanation);

using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class DateOfBirthMatchTests
{
    [Theory]
    // exact
    [InlineData("1957-04-04", "1957-04-04", DateAgreement.Exact, "1957-04-04 = 1957-04-04")]
    // day and month swapped
    [InlineData("1957-04-07", "1957-07-04", DateAgreement.DayMonthSwapped, "1957-04-07 day-month-swapped 1957-07-04")]
    // partial on the list: year and month, or year only
    [InlineData("1957-04-04", "1957-04", DateAgreement.SameYearAndMonth, "1957-04-04 same-year-month 1957-04")]
    [InlineData("1957-04-04", "1957", DateAgreement.SameYear, "1957-04-04 same-year 1957")]
    [InlineData("1957", "1957-04-04", DateAgreement.SameYear, "1957 same-year 1957-04-04")]
    [InlineData("1957", "1957", DateAgreement.SameYear, "1957 same-year 1957")]
    // one typed digit, or two adjacent digits transposed
    [InlineData("1975-04-12", "1975-04-13", DateAgreement.OneDigitTypo, "1975-04-12 one-digit 1975-04-13")]
    [InlineData("1975-04-12", "1975-04-21", DateAgreement.OneDigitTypo, "1975-04-12 one-digit 1975-04-21")]
    [InlineData("1957-04-04", "1975-04-04", DateAgreement.OneDigitTypo, "1957-04-04 one-digit 1975-04-04")]
    // against a year alone a digit of the year is not believed a typo: one random year in four is a digit away
    [InlineData("1957-04-04", "1975", DateAgreement.TenOrMoreYearsApart, "1957-04-04 years-apart 1975")]
    [InlineData("1985-04-04", "1975-04", DateAgreement.TenOrMoreYearsApart, "1985-04-04 years-apart 1975-04")]
    [InlineData("1948", "1945", DateAgreement.TwoToFourYearsApart, "1948 years-apart 1945")]
    // a year apart, even where only one digit changed
    [InlineData("1957-04-04", "1958-04-04", DateAgreement.YearApart, "1957-04-04 year-apart 1958-04-04")]
    [InlineData("1979-12-31", "1980-12-31", DateAgreement.YearApart, "1979-12-31 year-apart 1980-12-31")]
    [InlineData("1957-04-04", "1956", DateAgreement.YearApart, "1957-04-04 year-apart 1956")]
    // 01-01 on the list is a placeholder for "year only", but a real January 1st still matches exactly
    [InlineData("1957-06-15", "1957-01-01", DateAgreement.SameYear, "1957-06-15 same-year 1957-01-01 (01-01 as year only)")]
    [InlineData("1958-06-15", "1957-01-01", DateAgreement.YearApart, "1958-06-15 year-apart 1957-01-01 (01-01 as year only)")]
    [InlineData("1957-01-01", "1957-01-01", DateAgreement.Exact, "1957-01-01 = 1957-01-01")]
    // different within a year
    [InlineData("1975-04-12", "1975-09-30", DateAgreement.Different, "1975-04-12 != 1975-09-30")]
    [InlineData("1975-04-12", "1975-04-28", DateAgreement.Different, "1975-04-12 != 1975-04-28")]
    [InlineData("1957-04-04", "1958-05-04", DateAgreement.Different, "1957-04-04 != 1958-05-04")]
    // years apart, further and further
    [InlineData("1957-04-04", "1959-11-20", DateAgreement.TwoToFourYearsApart, "1957-04-04 years-apart 1959-11-20")]
    [InlineData("1957-04-04", "1962-11-20", DateAgreement.FiveToNineYearsApart, "1957-04-04 years-apart 1962-11-20")]
    [InlineData("1957", "1962", DateAgreement.FiveToNineYearsApart, "1957 years-apart 1962")]
    [InlineData("1981-06-02", "1954-12-25", DateAgreement.TenOrMoreYearsApart, "1981-06-02 years-apart 1954-12-25")]
    [InlineData("1985-03-03", "1948", DateAgreement.TenOrMoreYearsApart, "1985-03-03 years-apart 1948")]
    public void A_date_of_birth_agrees_at_the_level_its_known_parts_allow(
        string query, string listed, DateAgreement agreement, string explanation)
    {
        var result = DateOfBirthMatch.Compare(Date(query), [Date(listed)]);

        Assert.Equal((agreement, explanation), (result.Agreement, result.Explanation));
        Assert.Equal(Math.Abs(Date(query).Year - Date(listed).Year), result.YearsApart);
    }

    [Fact]
    public void The_best_of_the_listed_dates_counts()
    {
        var result = DateOfBirthMatch.Compare(Date("1957-04-07"), [Date("1960-01-02"), Date("1957"), Date("1957-07-04")]);

        Assert.Equal(DateAgreement.DayMonthSwapped, result.Agreement);
    }

    [Fact]
    public void Of_several_listed_dates_far_away_the_nearest_counts()
    {
        var result = DateOfBirthMatch.Compare(Date("1981-06-02"), [Date("1954-12-25"), Date("1957-04-04"), Date("1960")]);

        Assert.Equal((DateAgreement.TenOrMoreYearsApart, 21), (result.Agreement, result.YearsApart));
    }

    [Fact]
    public void Missing_on_either_side_is_missing()
    {
        Assert.Equal(new DateOfBirthComparison(DateAgreement.Missing, "missing: query"), DateOfBirthMatch.Compare(null, [Date("1957")]));
        Assert.Equal(new DateOfBirthComparison(DateAgreement.Missing, "missing: list"), DateOfBirthMatch.Compare(Date("1957"), []));
        Assert.Equal(0, DateOfBirthMatch.Compare(null, [Date("1957")]).YearsApart);
    }

    private static PartialDate Date(string text) =>
        PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException($"bad test date {text}", nameof(text));
}

using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("1957", 1957, null, null)]
    [InlineData("1957-04", 1957, 4, null)]
    [InlineData("1957-04-04", 1957, 4, 4)]
    [InlineData(" 2000-02-29 ", 2000, 2, 29)]
    public void A_date_is_read_as_precisely_as_it_is_written(string text, int year, int? month, int? day)
    {
        Assert.True(PartialDate.TryParse(text, out var date));
        Assert.Equal(new PartialDate(year, month, day), date);
        Assert.Equal(text.Trim(), date.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("57")]
    [InlineData("1957-4")]
    [InlineData("1957-13")]
    [InlineData("1957-02-29")]
    [InlineData("1957-04-04-01")]
    [InlineData("1700")]
    [InlineData("04/04/1957")]
    public void Anything_else_is_refused(string? text) =>
        Assert.False(PartialDate.TryParse(text, out _));
}

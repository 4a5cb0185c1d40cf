using Perimeter.Features.Demo;

namespace Perimeter.Tests.Features.Demo;

public sealed class VinTests
{
    [Theory]
    [InlineData("1M8GDM9AXKP042788", 'X')]
    [InlineData("11111111111111111", '1')]
    [InlineData("1HGCM82633A004352", '3')]
    [InlineData("5YJSA1DG9DFP14705", '9')]
    public void Check_digit_matches_the_one_printed_on_real_vins(string vin, char expected)
    {
        Assert.Equal(expected, Vin.CheckDigit(vin));
        Assert.True(Vin.HasValidCheckDigit(vin));
    }

    [Fact]
    public void A_vin_with_a_wrong_check_digit_is_not_valid() =>
        Assert.False(Vin.HasValidCheckDigit("1M8GDM9A1KP042788"));

    [Fact]
    public void With_check_digit_puts_the_digit_in_position_nine() =>
        Assert.Equal("1M8GDM9AXKP042788", Vin.WithCheckDigit("1M8GDM9A0KP042788"));

    [Theory]
    [InlineData("1M8GDM9AXKP04278")]
    [InlineData("1M8GDM9AXKP04278O")]
    public void Check_digit_refuses_what_is_not_a_vin(string text) =>
        Assert.Throws<ArgumentException>(() => Vin.CheckDigit(text));
}

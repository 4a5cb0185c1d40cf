using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class CurpTests
{
    [Theory]
    [InlineData("HEGG560427MVZRRL04")]   // Gloria Hernández García, Veracruz, 1956
    [InlineData("BEML920313HMCLNS09")]   // Luis Beltrán Mendoza, Estado de México, 1992
    [InlineData("BOXW310820HNERXN09")]   // born abroad, no maternal surname, 1931
    [InlineData("PEGL890909MJCRMS08")]   // Luisa Pérez Gómez, Jalisco, 1989
    public void A_valid_curp_is_well_formed_and_carries_its_check_digit(string curp)
    {
        Assert.True(Curp.IsWellFormed(curp));
        Assert.True(Curp.HasValidCheckDigit(curp));
        Assert.Equal(curp[17], Curp.CheckDigit(curp.AsSpan(0, 17)));
    }

    [Theory]
    [InlineData("HEGG560427MVZRRL05")]   // wrong check digit
    [InlineData("BEML920313HMCLNS08")]   // wrong check digit
    [InlineData("PEGL890909MJCRMS18")]   // a typed homoclave the check digit catches
    public void A_wrong_check_digit_is_rejected(string curp)
    {
        Assert.False(Curp.HasValidCheckDigit(curp));
        Assert.False(Curp.IsWellFormed(curp));
    }

    [Theory]
    [InlineData("HEGG560427MVZRRL0", "too short")]
    [InlineData("HEGG560427MVZRRL044", "too long")]
    [InlineData("hegg560427mvzrrl04", "not normalised")]
    [InlineData("H3GG560427MVZRRL04", "digit among the name letters")]
    [InlineData("HBGG560427MVZRRL04", "position 2 is neither a vowel nor X")]
    [InlineData("HEGG561327MVZRRL04", "month 13")]
    [InlineData("HEGG560231MVZRRL04", "31 February")]
    [InlineData("HEGG560427FVZRRL04", "F is not a CURP sex letter")]
    [InlineData("HEGG560427MXXRRL04", "XX is not a state")]
    [InlineData("HEGG560427MVZRAL04", "a vowel among the internal consonants")]
    [InlineData("HEGG560427MVZRRL0A", "a letter as check digit")]
    public void A_curp_without_the_official_structure_is_not_well_formed(string curp, string why) =>
        Assert.False(Curp.IsWellFormed(curp), why);

    [Theory]
    [InlineData("2000-02-29", "0A")]   // a letter differentiator: born in 2000 or later
    [InlineData("1900-02-28", "00")]   // a digit: born before 2000 (1900 was no leap year)
    public void The_differentiator_tells_the_century(string dateOfBirth, string yymmddCentury)
    {
        var date = DateOnly.ParseExact(dateOfBirth, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var first17 = $"AAAA{date:yyMMdd}HNEBBB{yymmddCentury[1]}";
        var curp = first17 + Curp.CheckDigit(first17);

        Assert.True(Curp.IsWellFormed(curp));
        Assert.True(Curp.TryReadDateOfBirth(curp, out var read));
        Assert.Equal(date, read);
    }

    [Fact]
    public void The_29th_of_February_needs_a_leap_year_in_the_differentiators_century()
    {
        // 00-02-29 exists in 2000 (letter) but not in 1900 (digit).
        const string first17 = "AAAA000229HNEBBB0";
        Assert.False(Curp.IsWellFormed(first17 + Curp.CheckDigit(first17)));
    }

    [Fact]
    public void X_for_sex_and_NE_for_born_abroad_are_well_formed()
    {
        const string first17 = "BOXW310820XNERXN0";
        Assert.True(Curp.IsWellFormed(first17 + Curp.CheckDigit(first17)));
        Assert.True(Curp.IsStateCode("NE"));
        Assert.True(Curp.IsStateCode("DF"));
        Assert.False(Curp.IsStateCode("MX"));
    }

    [Fact]
    public void N_tilde_is_worth_24_in_the_check_digit()
    {
        // Ñ sits between N (23) and O (25), so swapping it for N changes the sum by 24 − 23 = 1 times the weight.
        Assert.NotEqual(Curp.CheckDigit("NAXX560427HDFRRL0"), Curp.CheckDigit("ÑAXX560427HDFRRL0"));
    }

    [Fact]
    public void A_check_digit_is_asked_of_exactly_17_characters() =>
        Assert.Throws<ArgumentException>(() => Curp.CheckDigit("HEGG560427"));
}

using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class VinTests
{
    [Theory]
    [InlineData("1M8GDM9AXKP042788", 'X')]   // the check digit is X: the remainder was 10
    [InlineData("11111111111111111", '1')]
    [InlineData("1HGCM82633A004352", '3')]
    [InlineData("JH4KA7561PC008269", '1')]
    public void A_valid_vin_carries_its_check_digit(string vin, char checkDigit)
    {
        Assert.True(Vin.IsWellFormed(vin));
        Assert.Equal(checkDigit, Vin.CheckDigit(vin));
        Assert.True(Vin.HasValidCheckDigit(vin));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP042789")]   // last character changed
    [InlineData("1M8GDM9A0KP042788")]   // check digit changed
    [InlineData("2M8GDM9AXKP042788")]   // first character changed
    [InlineData("11111111111111112")]
    public void One_changed_character_breaks_the_check_digit(string vin)
    {
        Assert.True(Vin.IsWellFormed(vin));
        Assert.False(Vin.HasValidCheckDigit(vin));
    }

    [Theory]
    [InlineData("1M8GDM9AXKPO42788", "O")]
    [InlineData("1M8GDM9AXKPQ42788", "Q")]
    [InlineData("IM8GDM9AXKP042788", "I")]
    [InlineData("1M8GDM9AXKP04278", "16 characters")]
    [InlineData("1M8GDM9AXKP0427888", "18 characters")]
    [InlineData("1m8gdm9axkp042788", "not normalised")]
    public void I_O_and_Q_and_other_lengths_are_refused(string vin, string why)
    {
        Assert.False(Vin.IsWellFormed(vin), why);
        Assert.False(Vin.HasValidCheckDigit(vin), why);
    }

    [Fact]
    public void A_check_digit_is_asked_only_of_a_well_formed_vin() =>
        Assert.Throws<ArgumentException>(() => Vin.CheckDigit("1M8GDM9AXKPO42788"));

    [Theory]
    [InlineData("1m8-gdm9 axkp042788", "1M8GDM9AXKP042788", "1M8GDM9AXKP042788")]
    [InlineData("1M8GDM9AXKPO42788", "1M8GDM9AXKPO42788", "1M8GDM9AXKP042788")]
    [InlineData("IM8GDM9AXKPQ42788", "IM8GDM9AXKPQ42788", "1M8GDM9AXKP042788")]
    public void Normalising_keeps_I_O_and_Q_unless_asked_to_read_them_as_digits(string raw, string strict, string ocrTolerant)
    {
        Assert.Equal(strict, Vin.Normalize(raw));
        Assert.Equal(ocrTolerant, Vin.NormalizeOcrTolerant(raw));
    }

    [Theory]
    [InlineData("1M8GDM9AXKP042788", "1m8 gdm9-axkp042788", VinAgreement.Same)]
    [InlineData("1M8GDM9AXKP042788", "1M8GDM9AXKPO42788", VinAgreement.OcrVariant)]
    [InlineData("1M8GDM9AXKP042788", "IM8GDM9AXKP04Z788", VinAgreement.OcrVariant)]
    [InlineData("1M8GDM9AXKP042788", "1M8GDM9A0KP042788", VinAgreement.SameExceptCheckDigit)]
    [InlineData("1M8GDM9AXKP042788", "1M8GDM9A7KPO42788", VinAgreement.SameExceptCheckDigit)]
    [InlineData("1M8GDM9AXKP042788", "1M8GDM9AXKP042789", VinAgreement.OneCharacter)]
    [InlineData("1M8GDM9AXKP042788", "1M8GDM9AXKP043789", VinAgreement.Different)]
    [InlineData("1M8GDM9AXKP042788", "1HGCM82633A004352", VinAgreement.Different)]
    [InlineData("1M8GDM9AXKP042788", "1M8GDM9AXKP04278", VinAgreement.Different)]
    [InlineData("K1234567", "K1234567", VinAgreement.Same)]   // a pre-1981 VIN
    [InlineData("1M8GDM9AXKP042788", "", VinAgreement.Missing)]
    [InlineData(null, "1M8GDM9AXKP042788", VinAgreement.Missing)]
    public void Two_vins_agree_at_one_level(string? a, string? b, VinAgreement agreement)
    {
        Assert.Equal(agreement, Vin.Compare(a, b));
        Assert.Equal(agreement, Vin.Compare(b, a));
    }
}

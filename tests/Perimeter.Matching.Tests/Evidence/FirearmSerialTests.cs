using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class FirearmSerialTests
{
    [Theory]
    [InlineData("00-ab 123", "00AB123")]
    [InlineData("007.123/45", "00712345")]
    [InlineData("bxk 123 us", "BXK123US")]
    public void A_serial_is_upper_cased_without_separators_keeping_leading_zeros(string raw, string normalized) =>
        Assert.Equal(normalized, FirearmSerial.Normalize(raw));

    [Theory]
    [InlineData("ABC123", "Glock", "abc-123", "GLOCK", FirearmAgreement.SameSerialSameMake)]
    [InlineData("ABC123", "S&W", "ABC123", "Smith & Wesson", FirearmAgreement.SameSerialSameMake)]
    [InlineData("ABC123", "Smith and Wesson", "ABC123", "S&W", FirearmAgreement.SameSerialSameMake)]
    [InlineData("ABC123", "Ruger", "ABC123", "Sturm, Ruger & Co.", FirearmAgreement.SameSerialSameMake)]
    [InlineData("ABC123", "Glock", "ABC123", "Glock Ges.m.b.H.", FirearmAgreement.SameSerialSameMake)]
    [InlineData("ABC123", "Colt's Manufacturing", "ABC123", "COLT", FirearmAgreement.SameSerialSameMake)]
    [InlineData("ABC123", "Česká zbrojovka", "ABC123", "CZ", FirearmAgreement.SameSerialSameMake)]
    [InlineData("ABC123", null, "ABC123", "Glock", FirearmAgreement.SameSerialMakeUnknown)]
    // each maker numbers its own production: the same serial from another maker is weak
    [InlineData("ABC123", "Glock", "ABC123", "Beretta", FirearmAgreement.SameSerialOtherMake)]
    // OCR confusions, the make the same or unknown
    [InlineData("ABC1O3", "Glock", "A8C103", "Glock", FirearmAgreement.OcrVariant)]
    [InlineData("SN0012", null, "5N00I2", "Colt", FirearmAgreement.OcrVariant)]
    [InlineData("ABC1O3", "Glock", "ABC103", "Beretta", FirearmAgreement.Different)]
    // leading zeros are stamped, so they count
    [InlineData("0012345", "Glock", "12345", "Glock", FirearmAgreement.Different)]
    [InlineData("ABC123", "Glock", "ABC124", "Glock", FirearmAgreement.Different)]
    [InlineData(" ", "Glock", "ABC123", "Glock", FirearmAgreement.Missing)]
    public void Make_and_serial_together_are_the_identity(
        string? querySerial, string? queryMake, string? listedSerial, string? listedMake, FirearmAgreement agreement) =>
        Assert.Equal(agreement, FirearmSerial.Compare(querySerial, queryMake, listedSerial, listedMake));
}

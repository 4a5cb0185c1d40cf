using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class PlateTests
{
    [Theory]
    // US states: USPS code, ISO code, name, abbreviation, Spanish name
    [InlineData("TX", "US-TX")]
    [InlineData("US-TX", "US-TX")]
    [InlineData("Texas", "US-TX")]
    [InlineData("tex.", "US-TX")]
    [InlineData("Nuevo México", "US-NM")]
    [InlineData("New Mexico", "US-NM")]
    [InlineData("California", "US-CA")]
    [InlineData("US-CA", "US-CA")]
    [InlineData("Calif.", "US-CA")]
    [InlineData("az", "US-AZ")]
    // Mexican states: ISO code with or without prefix, name with or without accents, official abbreviation
    [InlineData("MX-BCN", "MX-BCN")]
    [InlineData("BCN", "MX-BCN")]
    [InlineData("Baja California", "MX-BCN")]
    [InlineData("B.C.", "MX-BCN")]
    [InlineData("Baja California Sur", "MX-BCS")]
    [InlineData("Nuevo León", "MX-NLE")]
    [InlineData("NUEVO LEON", "MX-NLE")]
    [InlineData("N.L.", "MX-NLE")]
    [InlineData("Tamps.", "MX-TAM")]
    [InlineData("Chihuahua", "MX-CHH")]
    [InlineData("Sonora", "MX-SON")]
    [InlineData("CDMX", "MX-CMX")]
    [InlineData("D.F.", "MX-CMX")]
    [InlineData("MX-DIF", "MX-CMX")]
    [InlineData("Edomex", "MX-MEX")]
    [InlineData("MX-MEX", "MX-MEX")]
    // countries; CA alone is Canada, so the output reads back as itself
    [InlineData("MX", "MX")]
    [InlineData("México", "MX")]
    [InlineData("MEX", "MX")]
    [InlineData("USA", "US")]
    [InlineData("Estados Unidos", "US")]
    [InlineData("CA", "CA")]
    [InlineData("Canada", "CA")]
    [InlineData("Guatemala", "GT")]
    [InlineData("Belice", "BZ")]
    // Canadian provinces only with their prefix or by name
    [InlineData("CA-ON", "CA-ON")]
    [InlineData("Ontario", "CA-ON")]
    [InlineData("British Columbia", "CA-BC")]
    // unknown to the tables: folded, so two equal spellings still agree
    [InlineData("Narnia", "NARNIA")]
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void An_issuer_is_read_into_its_ISO_form(string? issuer, string? iso)
    {
        Assert.Equal(iso, Plate.NormalizeIssuer(issuer));
        Assert.Equal(iso, Plate.NormalizeIssuer(iso));
    }

    [Fact]
    public void A_plate_is_upper_cased_without_spaces_dashes_or_dots() =>
        Assert.Equal(new NormalizedPlate("ABC123", "MX-BCN"), Plate.Normalize("abc-1.2 3", "Baja California"));

    [Theory]
    [InlineData("ABC123", "TX", "abc-123", "Texas", PlateAgreement.SamePlateSameIssuer)]
    [InlineData("AB 1234", "B.C.", "AB1234", "MX-BCN", PlateAgreement.SamePlateSameIssuer)]
    [InlineData("ABC123", null, "ABC123", "US-TX", PlateAgreement.SamePlateIssuerUnknown)]
    [InlineData("AB1234", "MX", "AB1234", "Sonora", PlateAgreement.SamePlateIssuerUnknown)]
    // plates repeat across states and countries
    [InlineData("ABC123", "TX", "ABC123", "AZ", PlateAgreement.SamePlateOtherIssuer)]
    [InlineData("ABC123", "TX", "ABC123", "Chihuahua", PlateAgreement.SamePlateOtherIssuer)]
    [InlineData("AB1234", "US", "AB1234", "MX-SON", PlateAgreement.SamePlateOtherIssuer)]
    // OCR confusions: O/0, I/1, B/8, S/5, Z/2
    [InlineData("ABC1O3", "TX", "ABC103", "TX", PlateAgreement.OcrVariant)]
    [InlineData("8CI123", "TX", "BC1123", "TX", PlateAgreement.OcrVariant)]
    [InlineData("S2Z", null, "5Z2", "TX", PlateAgreement.OcrVariant)]
    [InlineData("ABC1O3", "TX", "ABC103", "AZ", PlateAgreement.Different)]
    [InlineData("ABC123", "TX", "ABC124", "TX", PlateAgreement.Different)]
    [InlineData("ABC123", "TX", "ABC1234", "TX", PlateAgreement.Different)]
    [InlineData("", "TX", "ABC123", "TX", PlateAgreement.Missing)]
    [InlineData("ABC123", "TX", null, null, PlateAgreement.Missing)]
    public void Two_plates_agree_by_characters_and_issuer(
        string? query, string? queryIssuer, string? listed, string? listedIssuer, PlateAgreement agreement) =>
        Assert.Equal(agreement, Plate.Compare(query, queryIssuer, listed, listedIssuer));
}

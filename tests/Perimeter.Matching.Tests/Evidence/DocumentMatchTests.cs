using Perimeter.Matching.Evidence;

namespace Perimeter.Matching.Tests.Evidence;

public sealed class DocumentMatchTests
{
    [Theory]
    [InlineData("ab-12 345", "AB12345")]
    [InlineData("g1234.5678", "G12345678")]
    [InlineData("HEGG/560427/MVZRRL04", "HEGG560427MVZRRL04")]
    [InlineData("  x\t1 ", "X1")]
    [InlineData("", "")]
    public void A_document_number_is_upper_cased_without_separators(string raw, string normalized) =>
        Assert.Equal(normalized, DocumentNumber.Normalize(raw));

    [Fact]
    public void A_long_number_is_normalised_too() =>
        Assert.Equal(new string('A', 100), DocumentNumber.Normalize(string.Concat(Enumerable.Repeat("a-", 100))));

    [Theory]
    // the same number, however it was typed
    [InlineData(DocumentType.Passport, "g1234-5678", "MX", DocumentType.Passport, "G12345678", "MX", DocumentAgreement.SameNumber, "passport/MX G12345678 = passport/MX G12345678")]
    [InlineData(DocumentType.Passport, "G12345678", null, DocumentType.Passport, "G12345678", "MX", DocumentAgreement.SameNumber, "passport/? G12345678 = passport/MX G12345678")]
    [InlineData(DocumentType.Curp, "hegg560427mvzrrl04", null, DocumentType.Curp, "HEGG560427MVZRRL04", "MX", DocumentAgreement.SameNumber, "curp/MX HEGG560427MVZRRL04 = curp/MX HEGG560427MVZRRL04")]
    // OCR confusions of the same document: O/0, I/1, S/5, B/8
    [InlineData(DocumentType.Passport, "G1234567O", "MX", DocumentType.Passport, "G12345670", "MX", DocumentAgreement.SameNumberOcr, "passport/MX G1234567O ocr passport/MX G12345670")]
    [InlineData(DocumentType.Passport, "GI2345678", "MX", DocumentType.Passport, "G12345678", "MX", DocumentAgreement.SameNumberOcr, "passport/MX GI2345678 ocr passport/MX G12345678")]
    [InlineData(DocumentType.Passport, "G1234S678", "MX", DocumentType.Passport, "G12345678", "MX", DocumentAgreement.SameNumberOcr, "passport/MX G1234S678 ocr passport/MX G12345678")]
    [InlineData(DocumentType.VoterCard, "B123", "MX", DocumentType.VoterCard, "8123", "MX", DocumentAgreement.SameNumberOcr, "votercard/MX B123 ocr votercard/MX 8123")]
    // the same number on another type or from another issuer
    [InlineData(DocumentType.NationalId, "HEGG560427MVZRRL04", "MX", DocumentType.Curp, "HEGG560427MVZRRL04", "MX", DocumentAgreement.SameNumberDifferentType, "nationalid/MX HEGG560427MVZRRL04 same-number curp/MX HEGG560427MVZRRL04")]
    [InlineData(DocumentType.Passport, "123456789", "US", DocumentType.Passport, "123456789", "GT", DocumentAgreement.SameNumberDifferentType, "passport/US 123456789 same-number passport/GT 123456789")]
    // same type and issuer, different number: a conflict
    [InlineData(DocumentType.Passport, "G12345678", "MX", DocumentType.Passport, "G87654321", "mx", DocumentAgreement.Conflict, "passport/MX G12345678 != passport/MX G87654321")]
    [InlineData(DocumentType.Curp, "BEML920313HMCLNS09", null, DocumentType.Curp, "HEGG560427MVZRRL04", null, DocumentAgreement.Conflict, "curp/MX BEML920313HMCLNS09 != curp/MX HEGG560427MVZRRL04")]
    // several passports: different numbers from different countries are not a conflict
    [InlineData(DocumentType.Passport, "G12345678", "MX", DocumentType.Passport, "567890123", "US", DocumentAgreement.Unrelated, "passport/MX G12345678 unrelated passport/US 567890123")]
    [InlineData(DocumentType.Passport, "G12345678", null, DocumentType.Passport, "G87654321", "MX", DocumentAgreement.Unrelated, "passport/? G12345678 unrelated passport/MX G87654321")]
    [InlineData(DocumentType.Passport, "G12345678", "MX", DocumentType.Curp, "HEGG560427MVZRRL04", "MX", DocumentAgreement.Unrelated, "passport/MX G12345678 unrelated curp/MX HEGG560427MVZRRL04")]
    // licences are issued by states and visas accumulate: a different number is no evidence against
    [InlineData(DocumentType.DriverLicence, "12345678", "US", DocumentType.DriverLicence, "87654321", "US", DocumentAgreement.Unrelated, "driverlicence/US 12345678 unrelated driverlicence/US 87654321")]
    [InlineData(DocumentType.Visa, "12345678", "US", DocumentType.Visa, "87654321", "US", DocumentAgreement.Unrelated, "visa/US 12345678 unrelated visa/US 87654321")]
    public void A_document_agrees_at_the_level_of_its_number_type_and_issuer(
        DocumentType queryType, string queryNumber, string? queryCountry,
        DocumentType listedType, string listedNumber, string? listedCountry,
        DocumentAgreement agreement, string explanation)
    {
        var result = DocumentMatch.Compare(queryType, queryNumber, queryCountry, [new(listedType, listedNumber, listedCountry)]);

        Assert.Equal(new DocumentComparison(agreement, explanation), result);
    }

    [Fact]
    public void A_person_with_several_passports_matches_on_the_one_presented()
    {
        IdentityDocument[] listed =
        [
            new(DocumentType.Passport, "G87654321", "MX"),
            new(DocumentType.Passport, "567890123", "US"),
            new(DocumentType.Passport, "A1234567", "GT"),
        ];

        Assert.Equal(DocumentAgreement.SameNumber, DocumentMatch.Compare(DocumentType.Passport, "567890123", "US", listed).Agreement);
        Assert.Equal(DocumentAgreement.Unrelated, DocumentMatch.Compare(DocumentType.Passport, "B7654321", "HN", listed).Agreement);
        Assert.Equal(DocumentAgreement.Conflict, DocumentMatch.Compare(DocumentType.Passport, "G11111111", "MX", listed).Agreement);
    }

    [Fact]
    public void A_match_on_one_document_outweighs_a_conflict_on_another()
    {
        IdentityDocument[] listed = [new(DocumentType.Passport, "G87654321", "MX"), new(DocumentType.Passport, "G12345678", "MX")];

        Assert.Equal(DocumentAgreement.SameNumber, DocumentMatch.Compare(DocumentType.Passport, "G12345678", "MX", listed).Agreement);
    }

    [Theory]
    [InlineData(null, 1)]
    [InlineData(" - ", 1)]
    [InlineData("G12345678", 0)]
    public void Without_a_number_on_either_side_the_document_is_missing(string? queryNumber, int listedCount)
    {
        var listed = Enumerable.Repeat(new IdentityDocument(DocumentType.Passport, "G12345678", "MX"), listedCount).ToArray();

        Assert.Equal(DocumentAgreement.Missing, DocumentMatch.Compare(DocumentType.Passport, queryNumber, "MX", listed).Agreement);
    }
}

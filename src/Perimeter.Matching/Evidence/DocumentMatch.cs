namespace Perimeter.Matching.Evidence;

/// <summary>Compares a query's identity document with the documents a list entry gives.</summary>
public static class DocumentMatch
{
    /// <summary>
    /// The best agreement over the listed documents:
    /// <c>Compare(Passport, "g1234-5678", "MX", [new(Passport, "G12345678", "MX")])</c> → <c>SameNumber</c>.
    /// </summary>
    public static DocumentComparison Compare(
        DocumentType queryType, string? queryNumber, string? queryCountry, IReadOnlyList<IdentityDocument> listed)
    {
        var number = DocumentNumber.Normalize(queryNumber);
        if (number.Length == 0)
            return new(DocumentAgreement.Missing, "missing: query");
        var country = IssuerOf(queryType, queryCountry);
        var best = new DocumentComparison(DocumentAgreement.Missing, "missing: list");
        foreach (var document in listed)
        {
            var listedNumber = DocumentNumber.Normalize(document.Number);
            if (listedNumber.Length == 0)
                continue;
            var listedCountry = IssuerOf(document.Type, document.IssuingCountry);
            var agreement = ComparePair(queryType, number, country, document.Type, listedNumber, listedCountry);
            if (agreement < best.Agreement)
            {
                best = new(agreement,
                    $"{Label(queryType, country)} {number} {Symbol(agreement)} {Label(document.Type, listedCountry)} {listedNumber}");
                if (agreement == DocumentAgreement.SameNumber)
                    break;
            }
        }
        return best;
    }

    private static DocumentAgreement ComparePair(
        DocumentType queryType, string queryNumber, string? queryCountry, DocumentType listedType, string listedNumber, string? listedCountry)
    {
        var sameType = queryType == listedType;
        var issuerCompatible = queryCountry is null || listedCountry is null || queryCountry == listedCountry;
        if (queryNumber == listedNumber)
            return sameType && issuerCompatible ? DocumentAgreement.SameNumber : DocumentAgreement.SameNumberDifferentType;
        if (sameType && issuerCompatible && OcrConfusion.AreVariants(queryNumber, listedNumber))
            return DocumentAgreement.SameNumberOcr;
        // People hold several passports from several countries: only the same type from the same issuer conflicts.
        return sameType && queryCountry is not null && queryCountry == listedCountry && IsHeldOneAtATime(queryType)
            ? DocumentAgreement.Conflict
            : DocumentAgreement.Unrelated;
    }

    // Driver's licences are issued by states (two US licences can both be valid records), visas accumulate, and
    // "other" says nothing: a different number on those is no evidence against.
    private static bool IsHeldOneAtATime(DocumentType type) => type switch
    {
        DocumentType.Passport or DocumentType.Curp or DocumentType.VoterCard or DocumentType.NationalId
            or DocumentType.BorderCrossingCard or DocumentType.TaxId or DocumentType.CompanyRegistration => true,
        DocumentType.DriverLicence or DocumentType.Visa or DocumentType.Other => false,
    };

    // Only Mexico issues CURPs, so a CURP's issuer is known even when the record leaves it out.
    private static string? IssuerOf(DocumentType type, string? country) =>
        string.IsNullOrWhiteSpace(country)
            ? type == DocumentType.Curp ? "MX" : null
            : country.Trim().ToUpperInvariant();

    private static string Label(DocumentType type, string? country) =>
        $"{type.ToString().ToLowerInvariant()}/{country ?? "?"}";

    private static string Symbol(DocumentAgreement agreement) => agreement switch
    {
        DocumentAgreement.SameNumber => "=",
        DocumentAgreement.SameNumberOcr => "ocr",
        DocumentAgreement.SameNumberDifferentType => "same-number",
        DocumentAgreement.Conflict => "!=",
        DocumentAgreement.Unrelated => "unrelated",
        DocumentAgreement.Missing => "missing",
    };
}

namespace Perimeter.Matching.Evidence;

/// <summary>How a query's document agrees with a list entry's documents, strongest first: <c>SameNumber</c> is decisive.</summary>
public enum DocumentAgreement
{
    /// <summary>Same normalised number, same type, issuer equal or unknown on a side: decisive for the same person.</summary>
    SameNumber,

    /// <summary>Same type and issuer, numbers that differ only by OCR confusions (O/0, I/1, S/5, B/8, Z/2): strong, not decisive.</summary>
    SameNumberOcr,

    /// <summary>Same number on a document of another type or another issuer: a CURP filed as a national id, or a coincidence.</summary>
    SameNumberDifferentType,

    /// <summary>
    /// Same type and same issuing country, different number, for a document a person holds one of at a time: strong
    /// evidence against. A renewed passport also looks like this, so it weighs less than a CURP conflict.
    /// </summary>
    Conflict,

    /// <summary>Nothing to compare against: other types or other issuers, or an issuer unknown on a side.</summary>
    Unrelated,

    /// <summary>The query has no number, or the entry has no documents.</summary>
    Missing,
}

/// <summary>The best document agreement and the pair that decided it: <c>(SameNumber, "passport/MX G12345678 = passport/MX G12345678")</c>.</summary>
/// <param name="Agreement">The best level over the entry's documents: <c>DocumentAgreement.Conflict</c>.</param>
/// <param name="Explanation">Short and machine-readable: <c>"passport/MX G12345678 != passport/MX G87654321"</c>.</param>
public readonly record struct DocumentComparison(DocumentAgreement Agreement, string Explanation);

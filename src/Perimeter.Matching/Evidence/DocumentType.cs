namespace Perimeter.Matching.Evidence;

/// <summary>Kinds of identity and registration documents an alert or a query can carry: <c>DocumentType.Curp</c>.</summary>
public enum DocumentType
{
    /// <summary>A travel passport, issued by a country.</summary>
    Passport,

    /// <summary>Mexico's population registry key (Clave Única de Registro de Población), one per person for life.</summary>
    Curp,

    /// <summary>A voter card such as Mexico's INE credential.</summary>
    VoterCard,

    /// <summary>A driver's licence; in the US and Mexico issued by a state, not the country.</summary>
    DriverLicence,

    /// <summary>A national identity card or number.</summary>
    NationalId,

    /// <summary>A visa; people collect several from one country over the years.</summary>
    Visa,

    /// <summary>A US border crossing card (the "laser visa").</summary>
    BorderCrossingCard,

    /// <summary>A tax identifier: RFC in Mexico, SSN/EIN/ITIN in the US.</summary>
    TaxId,

    /// <summary>A company's registration number.</summary>
    CompanyRegistration,

    /// <summary>Any other document.</summary>
    Other,
}

/// <summary>A document as a list entry gives it: <c>new IdentityDocument(DocumentType.Passport, "G12345678", "MX")</c>.</summary>
/// <param name="Type">What kind of document: <c>DocumentType.Passport</c>.</param>
/// <param name="Number">The number as written; it is normalised before comparing: <c>"G 1234-5678"</c>.</param>
/// <param name="IssuingCountry">ISO 3166 alpha-2 code of the issuer when known: <c>"MX"</c>.</param>
public sealed record IdentityDocument(DocumentType Type, string Number, string? IssuingCountry = null);

namespace Perimeter.Matching.Evidence;

/// <summary>How two licence plates agree, strongest first: <c>Plate.Compare("ABC123", "TX", "ABC-123", "Texas")</c> → <c>SamePlateSameIssuer</c>.</summary>
public enum PlateAgreement
{
    /// <summary>Same characters, same issuer.</summary>
    SamePlateSameIssuer,

    /// <summary>Same characters; the issuer unknown on a side, or only its country known there.</summary>
    SamePlateIssuerUnknown,

    /// <summary>Same characters from another issuer: weak, since every state issues its own series and they repeat.</summary>
    SamePlateOtherIssuer,

    /// <summary>Differences only where OCR confuses characters (O/0, I/1, B/8, S/5, Z/2), the issuer the same or unknown.</summary>
    OcrVariant,

    /// <summary>Anything else, including an OCR variant from another issuer.</summary>
    Different,

    /// <summary>Either side has no plate.</summary>
    Missing,
}

/// <summary>A plate as compared: characters without separators, issuer in ISO form: <c>("ABC123", "US-TX")</c>.</summary>
/// <param name="Number">Upper case, no spaces, dashes or dots: <c>"ABC123"</c>.</param>
/// <param name="Issuer">ISO 3166-2 (<c>"MX-BCN"</c>), alpha-2 for a country (<c>"MX"</c>), the folded text if unknown to the tables, or null.</param>
public readonly record struct NormalizedPlate(string Number, string? Issuer);

/// <summary>Licence plates and the states or countries that issue them.</summary>
public static class Plate
{
    /// <summary>Normalises the plate and its issuer: <c>Normalize("abc-123", "Baja California")</c> → <c>("ABC123", "MX-BCN")</c>.</summary>
    public static NormalizedPlate Normalize(string? plate, string? issuer) =>
        new(DocumentNumber.Normalize(plate), NormalizeIssuer(issuer));

    /// <summary>
    /// An issuer as ISO 3166-2 for a US, Mexican or Canadian state, alpha-2 for a country, null when blank:
    /// <c>NormalizeIssuer("Texas")</c> → <c>"US-TX"</c>, <c>NormalizeIssuer("N.L.")</c> → <c>"MX-NLE"</c>.
    /// </summary>
    public static string? NormalizeIssuer(string? issuer) => PlateIssuers.Normalize(issuer);

    /// <summary>
    /// How a query plate agrees with a listed one, both normalised first:
    /// <c>Compare("ABC 123", "BC", "ABC123", "MX-BCN")</c> → <c>SamePlateSameIssuer</c>.
    /// </summary>
    public static PlateAgreement Compare(string? query, string? queryIssuer, string? listed, string? listedIssuer)
    {
        var q = Normalize(query, queryIssuer);
        var l = Normalize(listed, listedIssuer);
        if (q.Number.Length == 0 || l.Number.Length == 0)
            return PlateAgreement.Missing;
        var issuers = Relate(q.Issuer, l.Issuer);
        if (q.Number == l.Number)
        {
            return issuers switch
            {
                Issuers.Same => PlateAgreement.SamePlateSameIssuer,
                Issuers.Unknown => PlateAgreement.SamePlateIssuerUnknown,
                Issuers.Other => PlateAgreement.SamePlateOtherIssuer,
            };
        }
        return issuers != Issuers.Other && OcrConfusion.AreVariants(q.Number, l.Number)
            ? PlateAgreement.OcrVariant
            : PlateAgreement.Different;
    }

    private enum Issuers
    {
        Same,
        Unknown,
        Other,
    }

    private static Issuers Relate(string? a, string? b)
    {
        if (a is null || b is null)
            return Issuers.Unknown;
        if (a == b)
            return Issuers.Same;
        // "MX" against "MX-BCN": the country agrees and the state is unknown on one side.
        return PlateIssuers.IsIn(a, b) || PlateIssuers.IsIn(b, a) ? Issuers.Unknown : Issuers.Other;
    }
}

namespace Perimeter.Matching.Evidence;

/// <summary>How two firearms agree by serial and make, strongest first: make and serial together are the identity.</summary>
public enum FirearmAgreement
{
    /// <summary>Same serial, same make: the same firearm.</summary>
    SameSerialSameMake,

    /// <summary>Same serial, the make unknown on a side.</summary>
    SameSerialMakeUnknown,

    /// <summary>Same serial from another maker: weak, since each maker numbers its own production.</summary>
    SameSerialOtherMake,

    /// <summary>Serials that differ only where OCR confuses characters (O/0, I/1, S/5, B/8, Z/2), the make the same or unknown.</summary>
    OcrVariant,

    /// <summary>Anything else, including an OCR variant from another maker.</summary>
    Different,

    /// <summary>Either side has no serial.</summary>
    Missing,
}

/// <summary>Firearm serial numbers, compared together with the make that stamped them.</summary>
public static class FirearmSerial
{
    /// <summary>Upper-cases and drops separators, keeping leading zeros (they are stamped): <c>Normalize("00-ab 123")</c> → <c>"00AB123"</c>.</summary>
    public static string Normalize(ReadOnlySpan<char> serial) => DocumentNumber.Normalize(serial);

    /// <summary>
    /// How a query firearm agrees with a listed one: <c>Compare("ABC 123", "S&amp;W", "ABC123", "Smith &amp; Wesson")</c> →
    /// <c>SameSerialSameMake</c>.
    /// </summary>
    public static FirearmAgreement Compare(string? querySerial, string? queryMake, string? listedSerial, string? listedMake)
    {
        var q = Normalize(querySerial);
        var l = Normalize(listedSerial);
        if (q.Length == 0 || l.Length == 0)
            return FirearmAgreement.Missing;
        var makes = FirearmMakes.Relate(queryMake, listedMake);
        if (q == l)
        {
            return makes switch
            {
                FirearmMakes.Relation.Same => FirearmAgreement.SameSerialSameMake,
                FirearmMakes.Relation.Unknown => FirearmAgreement.SameSerialMakeUnknown,
                FirearmMakes.Relation.Other => FirearmAgreement.SameSerialOtherMake,
            };
        }
        return makes != FirearmMakes.Relation.Other && OcrConfusion.AreVariants(q, l)
            ? FirearmAgreement.OcrVariant
            : FirearmAgreement.Different;
    }
}

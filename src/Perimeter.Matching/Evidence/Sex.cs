namespace Perimeter.Matching.Evidence;

/// <summary>Sex as documents record it: <c>Sex.Female</c>. An unspecified <c>X</c> (ICAO 9303, CURP) is read as <c>Unknown</c>.</summary>
public enum Sex
{
    /// <summary>Not recorded, or recorded as unspecified (<c>X</c>).</summary>
    Unknown,

    /// <summary>Male: <c>M</c> in an MRZ, <c>H</c> (hombre) in a CURP.</summary>
    Male,

    /// <summary>Female: <c>F</c> in an MRZ, <c>M</c> (mujer) in a CURP.</summary>
    Female,
}

/// <summary>How two recorded sexes agree: <c>SexMatch.Compare(Sex.Male, Sex.Unknown)</c> → <c>Missing</c>.</summary>
public enum SexAgreement
{
    /// <summary>Both recorded and equal.</summary>
    Same,

    /// <summary>Both recorded and different.</summary>
    Different,

    /// <summary>Unknown on either side: nothing for or against.</summary>
    Missing,
}

/// <summary>Compares the sex on a query with the sex on a list entry.</summary>
public static class SexMatch
{
    /// <summary>Same, different, or missing when either is unknown: <c>Compare(Sex.Female, Sex.Female)</c> → <c>Same</c>.</summary>
    public static SexAgreement Compare(Sex query, Sex listed) =>
        query == Sex.Unknown || listed == Sex.Unknown ? SexAgreement.Missing
        : query == listed ? SexAgreement.Same
        : SexAgreement.Different;
}

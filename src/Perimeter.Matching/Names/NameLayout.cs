namespace Perimeter.Matching.Names;

/// <summary>The order a free-text name is written in, when the caller knows it: a passport's holder page is <see cref="SurnameFirst"/>.</summary>
public enum NameLayout
{
    /// <summary>Take the order from the text (comma, MRZ, upper-case block) or, failing that, from the name lists.</summary>
    Unknown,

    /// <summary>Given names, then surnames: "Joaquín Guzmán Loera".</summary>
    GivenFirst,

    /// <summary>Surnames, then given names: "GUZMAN LOERA Joaquin".</summary>
    SurnameFirst,
}

using System.Diagnostics.CodeAnalysis;

namespace Perimeter.Matching.Names;

/// <summary>How a name part was written or read: "Ma." becomes "maria" with <see cref="Abbreviation"/>.</summary>
[Flags]
[SuppressMessage("Naming", "CA1711", Justification = "A [Flags] set read as NamePart.Flags; the name says it combines.")]
public enum PartFlags
{
    /// <summary>A plain word: "garcia".</summary>
    None = 0,

    /// <summary>A single letter, with or without a dot: "J." in "J. María".</summary>
    Initial = 1 << 0,

    /// <summary>Expanded from a written abbreviation: "Ma." → "maria", "Fco." → "francisco", "Hdez." → "hernandez".</summary>
    Abbreviation = 1 << 1,

    /// <summary>A particle glued to the word after it, which is the part's core: "de la Rosa" and "DELAROSA" → "delarosa", core "rosa".</summary>
    Particle = 1 << 2,

    /// <summary>One of the given names that Spanish treats as one name: "José María", "María de los Ángeles", "Juan de Dios".</summary>
    CompoundGiven = 1 << 3,

    /// <summary>Written joined by a hyphen: "Hernández-García" → "hernandez" and "garcia".</summary>
    Hyphenated = 1 << 4,

    /// <summary>Split from two known surnames written as one word: "HERNANDEZGARCIA" → "hernandez" and "garcia".</summary>
    Split = 1 << 5,

    /// <summary>From a quoted alias rather than the name itself: "chapo" in `Joaquín "El Chapo" Guzmán`.</summary>
    Nickname = 1 << 6,

    /// <summary>The role was guessed from the name lists, not read from the layout: "joaquin guzman loera" has no comma or case to go by.</summary>
    Inferred = 1 << 7,

    /// <summary>Carries little weight: an organization's legal form or stop word ("S.A. de C.V.", "group").</summary>
    Weak = 1 << 8,

    /// <summary>A generic word of a company's line of business or kind, not an article: "transportes", "foods", "group".</summary>
    Generic = 1 << 9,
}

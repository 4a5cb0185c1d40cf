namespace Perimeter.Matching.Names;

/// <summary>One part of a parsed person name: "de la Rosa" as a maternal surname is ("delarosa", Surname, 1, Particle, "rosa").</summary>
/// <param name="Folded">The part folded (lower case, no accents), particles glued on: "delarosa".</param>
/// <param name="Role">Given name, surname, or unknown.</param>
/// <param name="SurnameIndex">For a surname, its position among the surnames (0 paternal, 1 maternal, …); -1 otherwise.</param>
/// <param name="Flags">How the part was written or read.</param>
/// <param name="Core">For a particle part, the word without its particles ("rosa"); null otherwise.</param>
public sealed record NamePart(string Folded, NameRole Role, int SurnameIndex, PartFlags Flags, string? Core)
{
    /// <summary>True for the first surname, the father's in Spanish usage: "guzman" in "Guzmán Loera".</summary>
    public bool IsPaternal => Role == NameRole.Surname && SurnameIndex == 0;

    /// <summary>True for a second or later surname, which in Spanish usage may be the mother's and is often dropped: "loera" in "Guzmán Loera".</summary>
    public bool IsMaternalCandidate => Role == NameRole.Surname && SurnameIndex >= 1;

    /// <summary>True when every one of <paramref name="flags"/> is set: <c>part.Has(PartFlags.Initial)</c> for "J.".</summary>
    public bool Has(PartFlags flags) => (Flags & flags) == flags;
}

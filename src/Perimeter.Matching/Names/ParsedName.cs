namespace Perimeter.Matching.Names;

/// <summary>A person name split into tagged parts: "GUZMAN LOERA, Joaquín" → given "joaquin", surnames "guzman", "loera".</summary>
/// <param name="Parts">Given names first, then surnames in order, then parts of quoted aliases.</param>
/// <param name="Folded">The given names and surnames, folded and space-separated: "joaquin guzman loera".</param>
public sealed record ParsedName(IReadOnlyList<NamePart> Parts, string Folded)
{
    /// <summary>A name with no parts, for empty input: <c>NameParser.Parse("")</c>.</summary>
    public static ParsedName Empty { get; } = new([], "");

    /// <summary>The given names in order, initials included: "joaquin" in "Joaquín Guzmán Loera".</summary>
    public IReadOnlyList<NamePart> Given => [.. Parts.Where(p => p.Role == NameRole.Given && !p.Has(PartFlags.Nickname))];

    /// <summary>The surnames by <see cref="NamePart.SurnameIndex"/>: "guzman", then "loera".</summary>
    public IReadOnlyList<NamePart> Surnames => [.. Parts.Where(p => p.Role == NameRole.Surname)];

    /// <summary>Parts whose role nothing settles: a lone "Madonna".</summary>
    public IReadOnlyList<NamePart> Unknown => [.. Parts.Where(p => p.Role == NameRole.Unknown && !p.Has(PartFlags.Nickname))];

    /// <summary>The words of quoted aliases: "chapo" in `Joaquín "El Chapo" Guzmán`.</summary>
    public IReadOnlyList<NamePart> Nicknames => [.. Parts.Where(p => p.Has(PartFlags.Nickname))];
}

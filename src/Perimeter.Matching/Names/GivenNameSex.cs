namespace Perimeter.Matching.Names;

/// <summary>Infers sex from given names, where the list says so: "José María" → male, "María José" → female.</summary>
public static class GivenNameSex
{
    /// <summary>The first given name decides: "José María Pérez" → <see cref="NameSex.Male"/>; an initial first ("J. María") says nothing.</summary>
    public static NameSex Of(ParsedName name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var part in name.Parts)
        {
            if (part.Role != NameRole.Given || part.Has(PartFlags.Nickname))
                continue;
            // "J. María" may be José María: an initial hides the name that decides.
            return part.Has(PartFlags.Initial) ? NameSex.Unknown : Of(part.Folded);
        }
        return NameSex.Unknown;
    }

    /// <summary>The sex the list gives one folded given name: "maria" → <see cref="NameSex.Female"/>, "guadalupe" → unknown.</summary>
    public static NameSex Of(ReadOnlySpan<char> foldedGivenName) => NameData.SexOf(foldedGivenName);
}

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

    /// <summary>
    /// Whether two folded given names are one name in a man's and a woman's form: the lists give them opposite sexes
    /// ("mario", "maria"), or one is the other with the Spanish feminine ending, the lists know one of them with the
    /// sex that ending says and nothing known says otherwise ("joaquin" → "joaquina", "alejandro" → "alejandra").
    /// A typo that only looks like such a pair ("mohammda", "hamz" beside the man's "hamza") is not one.
    /// </summary>
    public static bool AreOtherSexForms(ReadOnlySpan<char> a, ReadOnlySpan<char> b) => AreOtherSexForms(a, Of(a), b, Of(b));

    /// <summary><see cref="AreOtherSexForms(ReadOnlySpan{char}, ReadOnlySpan{char})"/> with each name's sex already looked up.</summary>
    public static bool AreOtherSexForms(ReadOnlySpan<char> a, NameSex sexA, ReadOnlySpan<char> b, NameSex sexB)
    {
        if (sexA != NameSex.Unknown && sexB != NameSex.Unknown)
            return sexA != sexB;
        if (sexA == NameSex.Unknown && sexB == NameSex.Unknown)
            return false;
        return (IsFeminineFormOf(a, b) && sexA != NameSex.Male && sexB != NameSex.Female)
            || (IsFeminineFormOf(b, a) && sexB != NameSex.Male && sexA != NameSex.Female);
    }

    /// <summary>"joaquina" of "joaquin", "josefa" of "josef" (a consonant plus a), "alejandra" of "alejandro", "vicenta" of "vicente".</summary>
    private static bool IsFeminineFormOf(ReadOnlySpan<char> feminine, ReadOnlySpan<char> masculine)
    {
        if (masculine.Length < 3 || feminine.Length != masculine.Length + 1 && feminine.Length != masculine.Length || feminine[^1] != 'a')
            return false;
        var stem = feminine[..^1];
        return stem.SequenceEqual(masculine)
            ? masculine[^1] is not ('a' or 'e' or 'i' or 'o' or 'u' or 'y')
            : masculine[^1] is 'o' or 'e' && stem.SequenceEqual(masculine[..^1]);
    }
}

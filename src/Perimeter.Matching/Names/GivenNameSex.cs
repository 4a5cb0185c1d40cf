using Perimeter.Matching.Similarity;

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
    /// ("mario", "maria"), or one is the other with the Spanish feminine ending and nothing known says otherwise
    /// ("joaquin" → "joaquina", "alejandro" → "alejandra", "vicente" → "vicenta").
    /// </summary>
    public static bool AreOtherSexForms(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var sexA = Of(a);
        var sexB = Of(b);
        if (sexA != NameSex.Unknown && sexB != NameSex.Unknown)
            return sexA != sexB;
        return (IsFeminineFormOf(a, b) && sexA != NameSex.Male && sexB != NameSex.Female)
            || (IsFeminineFormOf(b, a) && sexB != NameSex.Male && sexA != NameSex.Female);
    }

    /// <summary>
    /// "joaquina" of "joaquin" (a consonant plus a), "alejandra" of "alejandro", "vicenta" of "vicente"; a stem of five
    /// letters or more may differ by a typed letter, as the masculine form may be misspelt on the list ("joaguin").
    /// </summary>
    private static bool IsFeminineFormOf(ReadOnlySpan<char> feminine, ReadOnlySpan<char> masculine)
    {
        if (masculine.Length < 3 || feminine.Length < 4 || feminine[^1] != 'a' || masculine[^1] == 'a')
            return false;
        var stem = feminine[..^1];
        var allowed = stem.Length >= 5 ? 1 : 0;
        if (masculine[^1] is 'n' or 'l' or 'r' or 's' or 'z' or 'd' && Edits.DamerauLevenshtein(stem, masculine, allowed) <= allowed)
            return true;
        return masculine[^1] is 'o' or 'e' && Edits.DamerauLevenshtein(stem, masculine[..^1], allowed) <= allowed;
    }
}

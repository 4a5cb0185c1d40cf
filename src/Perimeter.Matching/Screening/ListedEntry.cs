using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;

namespace Perimeter.Matching.Screening;

/// <summary>A token of the list's vocabulary with what every comparison needs precomputed.</summary>
/// <remarks>
/// Comparisons read the token's own fields before its strings: most pairs of tokens differ, and each string is
/// another object to fetch from memory, for a hundred candidates a query.
/// </remarks>
internal sealed class Token
{
    private readonly string _spanishKey = "";
    private readonly string _metaphonePrimary = "";
    private readonly string _metaphoneAlternate = "";
    private readonly int _spanishKeyHash;
    private readonly int _metaphonePrimaryHash;
    private readonly int _metaphoneAlternateHash;

    public required string Text { get; init; }
    public required string SpanishKey { get => _spanishKey; init => (_spanishKey, _spanishKeyHash) = (value, value.GetHashCode()); }
    public required string MetaphonePrimary { get => _metaphonePrimary; init => (_metaphonePrimary, _metaphonePrimaryHash) = (value, value.GetHashCode()); }
    public required string MetaphoneAlternate { get => _metaphoneAlternate; init => (_metaphoneAlternate, _metaphoneAlternateHash) = (value, value.GetHashCode()); }
    /// <summary>A bit for each character the token holds (hashed into 64): two tokens whose masks differ in more than 2k bits are more than k edits apart.</summary>
    public required ulong Letters { get; init; }
    /// <summary>The nickname groups the token's name belongs to, sorted: kept so that comparing two tokens looks nothing up.</summary>
    public required int[] Groups { get; init; }
    /// <summary>
    /// The letters OCR confuses folded to one reading: "rnarku" → "marku", "atvva" → "atwa", "clavid" → "david"; the
    /// text itself when it holds none.
    /// </summary>
    public required string OcrSkeleton { get; init; }
    /// <summary><see cref="Letters"/> of <see cref="OcrSkeleton"/>: rules out a misreading as cheaply as the text's mask rules out a typo.</summary>
    public required ulong OcrLetters { get; init; }
    /// <summary>How common the name is among people at large, by its rank in the name lists: 0 for the commonest, -1 when they do not hold it.</summary>
    public required int CommonnessRank { get; init; }
    /// <summary>The sex the name lists give this token as a given name: "joaquina" female, "guadalupe" unknown.</summary>
    public required NameSex Sex { get; init; }
    /// <summary>Entries holding this token, in the list this token was counted in (base and delta together).</summary>
    public int DocumentFrequency { get; set; }

    /// <summary>The same text: the same token of a segment, or (across segments) equal character masks and then equal text.</summary>
    public bool SameText(Token other) =>
        ReferenceEquals(this, other) || (Letters == other.Letters && string.Equals(Text, other.Text, StringComparison.Ordinal));

    /// <summary>Whether the two share a Spanish sound key or a Double Metaphone key (keys of one letter say too little).</summary>
    public bool SoundsLike(Token other) =>
        (SpanishKey.Length > 1 && SameKey(_spanishKeyHash, SpanishKey, other._spanishKeyHash, other.SpanishKey))
        || (MetaphonePrimary.Length > 1 && (SameKey(_metaphonePrimaryHash, MetaphonePrimary, other._metaphonePrimaryHash, other.MetaphonePrimary)
            || SameKey(_metaphonePrimaryHash, MetaphonePrimary, other._metaphoneAlternateHash, other.MetaphoneAlternate)
            || SameKey(_metaphoneAlternateHash, MetaphoneAlternate, other._metaphonePrimaryHash, other.MetaphonePrimary)));

    private static bool SameKey(int hash, string key, int otherHash, string otherKey) =>
        hash == otherHash && string.Equals(key, otherKey, StringComparison.Ordinal);
}

/// <summary>One part of a name, prepared: its token, role and flags.</summary>
internal readonly record struct PreparedPart(Token Token, NameRole Role, int SurnameIndex, PartFlags Flags, Token? Core)
{
    public bool IsInitial => (Flags & PartFlags.Initial) != 0;

    /// <summary>Written in full and carrying weight: not an initial, not a legal form or stop word.</summary>
    public bool IsFull => (Flags & (PartFlags.Initial | PartFlags.Weak)) == 0;
}

/// <summary>One name of an entry or a query, prepared for scoring, with a bit per part for the roles the scorer asks about.</summary>
internal sealed record PreparedName
{
    public PreparedName(string display, PreparedPart[] parts, bool isWeak, bool isOrganization)
    {
        Display = display;
        Parts = parts;
        IsWeak = isWeak;
        IsOrganization = isOrganization;
        for (var i = 0; i < parts.Length; i++)
        {
            var bit = 1 << i;
            switch (parts[i].Role)
            {
                case NameRole.Given:
                    GivenParts |= bit;
                    break;
                case NameRole.Surname:
                    SurnameParts |= bit;
                    break;
                case NameRole.Unknown:
                    break;
            }
        }
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].IsFull)
                FullParts |= 1 << i;
            if ((parts[i].Flags & PartFlags.Generic) != 0)
                GenericParts |= 1 << i;
        }
    }

    public string Display { get; }
    public PreparedPart[] Parts { get; }
    public bool IsWeak { get; }
    /// <summary>A company's or a vessel's name: words without roles, legal forms and generic words weak.</summary>
    public bool IsOrganization { get; }
    /// <summary>Given names, initials included.</summary>
    public int GivenParts { get; }
    /// <summary>Surnames, initials included.</summary>
    public int SurnameParts { get; }
    /// <summary>Parts written in full and carrying weight (<see cref="PreparedPart.IsFull"/>).</summary>
    public int FullParts { get; }
    /// <summary>A company's generic words of its line of business (<see cref="PartFlags.Generic"/>).</summary>
    public int GenericParts { get; }
    /// <summary>Given names written in full.</summary>
    public int FullGiven => GivenParts & FullParts;
    /// <summary>Surnames written in full.</summary>
    public int FullSurnames => SurnameParts & FullParts;

    /// <summary>The sex its first given name suggests, if it is written in full: "Joaquina Guzmán" female, "J. Guzmán" unknown.</summary>
    public NameSex SexOfGivenName()
    {
        foreach (var part in Parts)
        {
            if (part.Role == NameRole.Given)
                return part.IsFull ? part.Token.Sex : NameSex.Unknown;
        }
        return NameSex.Unknown;
    }
}

/// <summary>An entry of the watchlist as the scorer reads it.</summary>
internal sealed class ListedEntry
{
    public required Guid Id { get; init; }
    public required SubjectKind Kind { get; init; }
    public required PreparedName[] Names { get; init; }
    public required PartialDate[] DatesOfBirth { get; init; }
    public required string[] Nationalities { get; init; }
    public required Sex Sex { get; init; }
    public required Identifier[] Identifiers { get; init; }
    public string? Make { get; init; }
    /// <summary>
    /// Every second or later surname of the entry's names, once each: what a query's own second surname is held
    /// against when the name it matched best leaves it out ("GUZMAN, Joaquin" beside "GUZMAN LOERA, Joaquin").
    /// </summary>
    public required Token[] LaterSurnames { get; init; }
    /// <summary>Every given name of the entry's names written in full, once each: what a query's given name in the other sex's form is held against.</summary>
    public required Token[] GivenNames { get; init; }
}

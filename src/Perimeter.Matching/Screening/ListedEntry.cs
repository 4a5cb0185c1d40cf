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
}

/// <summary>One name of an entry or a query, prepared for scoring.</summary>
internal sealed record PreparedName(string Display, PreparedPart[] Parts, bool IsWeak);

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
}

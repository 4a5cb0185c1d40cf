using Perimeter.Matching.Evidence;
using Perimeter.Matching.Names;

namespace Perimeter.Matching.Screening;

/// <summary>A token of the list's vocabulary with what every comparison needs precomputed.</summary>
internal sealed class Token
{
    public required string Text { get; init; }
    public required string SpanishKey { get; init; }
    public required string MetaphonePrimary { get; init; }
    public required string MetaphoneAlternate { get; init; }
    /// <summary>A bit for each character the token holds (hashed into 64): two tokens whose masks differ in more than 2k bits are more than k edits apart.</summary>
    public required ulong Letters { get; init; }
    /// <summary>The nickname groups the token's name belongs to, sorted: kept so that comparing two tokens looks nothing up.</summary>
    public required int[] Groups { get; init; }
    /// <summary>Entries holding this token, in the list this token was counted in (base and delta together).</summary>
    public int DocumentFrequency { get; set; }
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

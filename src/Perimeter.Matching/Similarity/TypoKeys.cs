using System.Diagnostics;

namespace Perimeter.Matching.Similarity;

/// <summary>SymSpell deletion keys: the hashes of a token's prefix with up to n letters deleted, so tokens within n edits share a key: Deletes("guzmna", 1) and Deletes("guzman", 1) share "guzm".</summary>
/// <remarks>
/// Garbe's symmetric delete (SymSpell, MATCHING.md §5): if two tokens are within d edits (insert, delete, substitute,
/// swap), deleting at most d letters from each reaches a common string, so an index of the vocabulary's deletes
/// finds candidates without scanning it; candidates are then verified with <see cref="Edits.DamerauLevenshtein"/>.
/// Only the first <c>prefixLength</c> letters are used (7 by default, as SymSpell recommends): keys stay few
/// (at most 1 + 7 + 21 = 29 at distance 2) and an edit after the prefix leaves the prefix itself as a shared key.
/// The token itself (no deletion) is always one of the keys.
/// </remarks>
public static class TypoKeys
{
    /// <summary>Letters of a token that take part in its keys unless told otherwise: 7.</summary>
    public const int DefaultPrefixLength = 7;

    /// <summary>The largest distance keys are made for: 3 (a 7-letter prefix then has 64 keys).</summary>
    public const int MaxDistance = 3;

    /// <summary>The longest prefix keys can be made from: 16 (so the key buffer of <see cref="MaxCount"/> fits on the stack).</summary>
    public const int MaxPrefixLength = 16;

    private const ulong Family = 3;

    /// <summary>The distinct keys of a folded token, sorted, for building an index: Deletes("ana", 1) → keys of "ana", "na", "aa", "an".</summary>
    public static ulong[] Deletes(ReadOnlySpan<char> token, int distance, int prefixLength = DefaultPrefixLength)
    {
        // Sized within the limits the writer below checks, so bad arguments throw there instead of overflowing here.
        Span<ulong> keys = stackalloc ulong[MaxCount(
            Math.Clamp(distance, 0, MaxDistance), Math.Clamp(prefixLength, 1, MaxPrefixLength))];
        return keys[..Deletes(token, distance, keys, prefixLength)].ToArray();
    }

    /// <summary>Writes the distinct keys of a token, sorted, into <paramref name="keys"/> (at least <see cref="MaxCount"/> long) and returns how many: Deletes("aab", 1, keys) = 3.</summary>
    public static int Deletes(ReadOnlySpan<char> token, int distance, Span<ulong> keys, int prefixLength = DefaultPrefixLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(distance);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distance, MaxDistance);
        ArgumentOutOfRangeException.ThrowIfLessThan(prefixLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, MaxPrefixLength);
        ArgumentOutOfRangeException.ThrowIfLessThan(keys.Length, MaxCount(distance, prefixLength), nameof(keys));

        var prefix = token[..Math.Min(token.Length, prefixLength)];
        // One scratch row per deletion depth: a row holds the prefix with that many letters gone.
        Span<char> scratch = stackalloc char[(MaxDistance + 1) * prefix.Length];
        var count = 0;
        keys[count++] = TokenHash.Of(prefix, Family);
        AddDeletes(prefix, 0, distance, scratch, keys, ref count);

        var distinct = keys[..count];
        distinct.Sort();
        var written = 0;
        foreach (var key in distinct)
        {
            if (written == 0 || keys[written - 1] != key)
                keys[written++] = key;
        }
        return written;
    }

    /// <summary>How many keys a token can have at most, so callers can size the buffer: MaxCount(2) = 29.</summary>
    public static int MaxCount(int distance, int prefixLength = DefaultPrefixLength)
    {
        var total = 0;
        var choose = 1;    // prefixLength choose k
        for (var k = 0; k <= distance && k <= prefixLength; k++)
        {
            total += choose;
            choose = choose * (prefixLength - k) / (k + 1);
        }
        return total;
    }

    // Deletes one letter at each position from `from` on, then recurses from the same position, so every set of
    // positions is visited once (equal letters can still give equal strings; the caller removes repeats).
    private static void AddDeletes(ReadOnlySpan<char> text, int from, int remaining, Span<char> scratch, Span<ulong> keys, ref int count)
    {
        if (remaining == 0 || text.Length == 0)
            return;
        var shorter = scratch[..(text.Length - 1)];
        var deeper = scratch[text.Length..];
        for (var i = from; i < text.Length; i++)
        {
            text[..i].CopyTo(shorter);
            text[(i + 1)..].CopyTo(shorter[i..]);
            Debug.Assert(count < keys.Length);
            keys[count++] = TokenHash.Of(shorter, Family);
            AddDeletes(shorter, i, remaining - 1, deeper, keys, ref count);
        }
    }
}

using System.Buffers;
using Perimeter.Matching.Similarity;

namespace Perimeter.Matching.Phonetics;

/// <summary>The hashed phonetic keys the candidate index posts a token under: Of("vargas") → [Spanish "barg*s", English "FRKS", "FRJS"].</summary>
/// <remarks>
/// One key per reading: our <see cref="SpanishKey"/>, and the Double Metaphone primary and alternate (skipped when
/// equal to the primary). Spanish and English keys are hashed in separate families, so a Spanish key never meets an
/// English code that happens to be spelled alike; the two Double Metaphone codes share a family, so one token's
/// alternate meets another's primary, as the algorithm intends. Keys shorter than <see cref="MinKeyLength"/> carry too
/// little to block on and are skipped. Keys are evidence and candidate keys, never filters (MATCHING.md §4).
/// </remarks>
public static class PhoneticKeys
{
    /// <summary>At most this many keys per token: Spanish, English primary, English alternate.</summary>
    public const int MaxCount = 3;

    /// <summary>Keys shorter than this are not posted: "a" and "o" → no keys, "yo" → keys.</summary>
    public const int MinKeyLength = 2;

    private const ulong SpanishFamily = 1;
    private const ulong EnglishFamily = 2;

    // The token's Spanish key and both codes (each up to twice the token) fit here for tokens up to 25 letters.
    private const int StackLimit = 128;

    /// <summary>The distinct keys of a folded token, for building an index: Of("smith") → three keys, Of("a") → none.</summary>
    public static ulong[] Of(ReadOnlySpan<char> folded)
    {
        Span<ulong> keys = stackalloc ulong[MaxCount];
        return keys[..Of(folded, keys)].ToArray();
    }

    /// <summary>Writes the distinct keys of a folded token into <paramref name="keys"/> (at least <see cref="MaxCount"/> long) and returns how many: Of("jose", keys) = 2.</summary>
    public static int Of(ReadOnlySpan<char> folded, Span<ulong> keys)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keys.Length, MaxCount, nameof(keys));
        var codeLength = DoubleMetaphone.MaxCodeLength(folded.Length);
        var needed = folded.Length + 2 * codeLength;
        char[]? rented = null;
        var buffer = needed <= StackLimit
            ? stackalloc char[StackLimit]
            : (rented = ArrayPool<char>.Shared.Rent(needed));

        var count = 0;
        var spanish = buffer[..folded.Length];
        spanish = spanish[..SpanishKey.Encode(folded, spanish)];
        if (spanish.Length >= MinKeyLength)
            keys[count++] = TokenHash.Of(spanish, SpanishFamily);

        var primary = buffer.Slice(folded.Length, codeLength);
        var alternate = buffer.Slice(folded.Length + codeLength, codeLength);
        var (primaryLength, alternateLength) = DoubleMetaphone.Encode(folded, primary, alternate);
        if (primaryLength >= MinKeyLength)
            keys[count++] = TokenHash.Of(primary[..primaryLength], EnglishFamily);
        if (alternateLength >= MinKeyLength && !alternate[..alternateLength].SequenceEqual(primary[..primaryLength]))
            keys[count++] = TokenHash.Of(alternate[..alternateLength], EnglishFamily);

        if (rented is not null)
            ArrayPool<char>.Shared.Return(rented);
        return count;
    }
}

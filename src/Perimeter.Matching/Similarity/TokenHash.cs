namespace Perimeter.Matching.Similarity;

/// <summary>Stable 64-bit hashes of short keys, so index postings can be keyed by a number: TokenHash.Of("gzman", 0).</summary>
/// <remarks>
/// FNV-1a over the UTF-16 code units, then the MurmurHash3 64-bit finaliser to spread the low bits. Stable across
/// processes (no per-process seed), because an index snapshot may be built once and read by several readers.
/// A collision only makes two keys share a posting list; every consumer verifies or weighs what it finds.
/// </remarks>
internal static class TokenHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of a key in the family <paramref name="seed"/>: Of("sms", 1) differs from Of("sms", 2).</summary>
    public static ulong Of(ReadOnlySpan<char> key, ulong seed)
    {
        var hash = OffsetBasis ^ seed;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= Prime;
        }
        return Finalise(hash ^ (ulong)key.Length);
    }

    private static ulong Finalise(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }
}

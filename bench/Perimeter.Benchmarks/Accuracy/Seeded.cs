namespace Perimeter.Benchmarks.Accuracy;

/// <summary>Stable hashing and seeded randomness: the same seed and data give the same development set on every run and machine.</summary>
internal static class Seeded
{
    /// <summary>A 64-bit hash of the seed, a salt naming the use ("part:ofac") and a number (an entry number).</summary>
    public static ulong Hash(int seed, string salt, long number) => Mix(Mix((ulong)seed ^ Fnv(salt)) ^ (ulong)number);

    /// <summary>A generator for one use and one number, independent of every other.</summary>
    public static Random Random(int seed, string salt, long number) => new((int)(Hash(seed, salt, number) & int.MaxValue));

    /// <summary>SplitMix64's finaliser: every input bit moves every output bit.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    /// <summary>FNV-1a over the characters: stable across runs, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }
}

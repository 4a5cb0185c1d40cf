using System.Security.Cryptography;
using System.Text;

namespace Perimeter.Matching.Screening;

/// <summary>Short, stable digests of the scorer's parameters and tables, for its version string.</summary>
internal static class Digest
{
    /// <summary>The first eight hex digits of the SHA-256 of the lines, each ended by a newline: <c>Of(["a=1"])</c> → "2d8bd7d9".</summary>
    public static string Of(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
            text.Append(line).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..8];
    }
}

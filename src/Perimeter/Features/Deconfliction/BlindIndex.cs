using System.Security.Cryptography;
using System.Text;
using Perimeter.Matching.Names;

namespace Perimeter.Features.Deconfliction;

/// <summary>
/// Keyed blind indexes of registrations, for deconfliction between nodes: HMAC-SHA256 under a key only the two agencies
/// hold, of the compared form of an identifier. A partner learns whether one of its own registrations has the same
/// token — equality, and how often a token recurs — and nothing it could read back without the key.
/// </summary>
public static class BlindIndex
{
    public const string ProtectorPurpose = "Perimeter.Deconfliction.Keys";

    /// <summary>
    /// The tokens of a registration under <paramref name="secret"/>: one for an identifier; for a person one per given
    /// name and surname pair with the date of birth (initials left out), so that "Jose M. Nunez" and "José Manuel Núñez
    /// Salazar" born the same day share one, as screening would let them meet.
    /// </summary>
    public static IReadOnlyList<string> Tokens(DeconflictionTarget target, byte[] secret)
    {
        var kind = Access.MarkingText.Of(target.Kind);
        if (target.Kind != TargetKind.Person)
            return [Token(secret, $"{kind}|{target.Key}")];
        var given = Words(target.GivenNames);
        var surnames = Words(target.Surnames);
        return [.. given.SelectMany(g => surnames.Select(s => Token(secret, $"{kind}|{g}|{s}|{target.DateOfBirth:yyyy-MM-dd}"))).Distinct(StringComparer.Ordinal)];
    }

    private static string[] Words(string? names) =>
        [.. NameText.Fold(names ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 1)];

    private static string Token(byte[] secret, string text) =>
        Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(text)));
}

using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Perimeter.Matching.Evidence;

/// <summary>
/// Whether two firearm makes name the same maker: "S&amp;W" and "Smith and Wesson", "Ruger" and "Sturm, Ruger &amp; Co.",
/// "Glock" and "Glock GmbH".
/// </summary>
internal static class FirearmMakes
{
    public enum Relation
    {
        Same,
        Unknown,
        Other,
    }

    // Words that name the company form, not the maker.
    private static readonly FrozenSet<string> CompanyWords = new[]
    {
        "AND", "CO", "COMPANY", "CORP", "CORPORATION", "INC", "LLC", "LTD", "GMBH", "GESMBH", "SA", "SPA", "SRL", "AG",
        "MFG", "MANUFACTURING", "INDUSTRIES", "USA", "AMERICA", "INTERNATIONAL",
    }.ToFrozenSet(StringComparer.Ordinal);

    // Makers written many ways on trace requests along the border; each alias is a folded key (see Tokens).
    private static readonly FrozenDictionary<string, string> Canonical = new (string Maker, string[] Aliases)[]
    {
        ("SMITH WESSON", ["SW", "S W", "SMITH WESSON", "SMITHWESSON"]),
        ("RUGER", ["RUGER", "STURM RUGER", "STURMRUGER"]),
        ("SIG SAUER", ["SIG", "SIG SAUER", "SIGSAUER", "SIG ARMS", "SIGARMS"]),
        ("FN HERSTAL", ["FN", "FNH", "FN HERSTAL", "FABRIQUE NATIONALE", "FABRIQUE NATIONALE HERSTAL"]),
        ("HECKLER KOCH", ["HK", "H K", "HECKLER KOCH", "HECKLER UND KOCH"]),
        ("COLT", ["COLT", "COLTS", "COLT S"]),
        ("KALASHNIKOV", ["KALASHNIKOV", "IZHMASH"]),
        ("ROMARM", ["ROMARM", "CUGIR", "ROMARM CUGIR"]),
        ("CESKA ZBROJOVKA", ["CZ", "CESKA ZBROJOVKA", "CZ UB"]),
        ("PALMETTO STATE ARMORY", ["PSA", "PALMETTO STATE ARMORY"]),
        ("KEL TEC", ["KEL TEC", "KELTEC"]),
        ("HI POINT", ["HI POINT", "HIPOINT"]),
    }.SelectMany(m => m.Aliases.Select(a => (Alias: a, m.Maker))).ToFrozenDictionary(p => p.Alias, p => p.Maker, StringComparer.Ordinal);

    /// <summary>Same maker, unknown on a side, or another maker: <c>Relate("S&amp;W", "Smith and Wesson")</c> → <c>Same</c>.</summary>
    public static Relation Relate(string? a, string? b)
    {
        var x = Tokens(a);
        var y = Tokens(b);
        if (x.Length == 0 || y.Length == 0)
            return Relation.Unknown;
        if (string.Equals(Maker(x), Maker(y), StringComparison.Ordinal))
            return Relation.Same;
        // "Glock" against "Glock Ges.m.b.H. Austria": one make's words open the other's.
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        return longer.AsSpan(0, shorter.Length).SequenceEqual(shorter) ? Relation.Same : Relation.Other;
    }

    private static string Maker(string[] tokens)
    {
        var key = string.Join(' ', tokens);
        return Canonical.TryGetValue(key, out var maker) ? maker : key;
    }

    // Upper-case words without accents or punctuation, company-form words dropped: "Sturm, Ruger & Co." → [STURM, RUGER].
    private static string[] Tokens(string? make)
    {
        if (string.IsNullOrWhiteSpace(make))
            return [];
        var builder = new StringBuilder(make.Length);
        foreach (var c in make.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
                builder.Append(char.ToUpperInvariant(c));
            else if (c is not ('.' or '\'' or '’') && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                builder.Append(' ');   // dots, apostrophes and accents join ("Colt's" → COLTS); the rest separate words
        }
        return builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(t => !CompanyWords.Contains(t)).ToArray();
    }
}

using System.Globalization;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Demo;

/// <summary>Identity document numbers in the shapes their issuers use; CURPs and voter keys are derived from the holder.</summary>
internal static class IdentityDocuments
{
    /// <summary>A Mexican passport number: a letter and eight digits, <c>G12345678</c>.</summary>
    public static string MexicanPassport(Random random) => random.OneOf(["G", "N", "E"]) + random.NextDigits(8);

    /// <summary>A US passport book number: nine digits, or a letter and eight digits on the Next Generation book.</summary>
    public static string UsPassport(Random random) =>
        random.Chance(0.7) ? random.NextChars(1, "123456789") + random.NextDigits(8) : random.NextChars(1, "AB") + random.NextDigits(8);

    /// <summary>A passport number in the common letter-and-digits shape, for countries whose format we do not model.</summary>
    public static string OtherPassport(Random random) => random.NextLetters(1, clear: true) + random.NextDigits(8);

    /// <summary>A border crossing card number (the laser visa Mexicans carry): shape only, not an issuing scheme.</summary>
    public static string BorderCrossingCard(Random random) => random.NextLetters(3, clear: true) + random.NextDigits(9);

    /// <summary>A US driver's licence number in the issuing state's shape: Texas eight digits, California a letter and seven.</summary>
    public static string DriverLicence(Random random, string state) => state switch
    {
        "TX" => random.NextDigits(8),
        "CA" => random.NextLetters(1) + random.NextDigits(7),
        "AZ" => random.NextChars(1, "ABDY") + random.NextDigits(8),
        "IL" => random.NextLetters(1) + random.NextDigits(11),
        _ => random.NextDigits(9),
    };

    /// <summary>
    /// A CURP for a person born in a Mexican state (or abroad: <c>NE</c>); the differentiator is drawn, as RENAPO
    /// assigns it, a digit before 2000 and a letter from 2000 on.
    /// </summary>
    public static string CurpFor(Random random, DrawnName name, DateOnly dateOfBirth, string stateCode)
    {
        var differentiator = dateOfBirth.Year < 2000
            ? random.Chance(0.8) ? '0' : random.NextDigits(1)[0]
            : random.Chance(0.8) ? 'A' : random.NextLetters(1)[0];
        return CurpConsistency.Expected(name.GivenNames, name.Paternal, name.Maternal, dateOfBirth, name.Sex, stateCode, differentiator);
    }

    /// <summary>
    /// An INE voter key (clave de elector), 18 characters: the initial and first inner consonant of each surname and
    /// the given name, the date of birth, the state's number, H or M, and three digits.
    /// </summary>
    public static string VoterKey(Random random, DrawnName name, DateOnly dateOfBirth, int stateNumber)
    {
        var letters = Pair(name.Paternal) + (name.Maternal is null ? "XX" : Pair(name.Maternal)) + Pair(name.FirstGivenName);
        var sex = name.Sex == Sex.Female ? 'M' : 'H';
        return string.Create(CultureInfo.InvariantCulture, $"{letters}{dateOfBirth:yyMMdd}{stateNumber:D2}{sex}{random.NextDigits(3)}");
    }

    private static string Pair(string name)
    {
        // Particles are written in lower case in our tables: "de la Cruz" keys on Cruz, "Ponce de León" on Ponce.
        var words = name.Split(' ');
        var word = DrawnName.Unaccented(words.FirstOrDefault(w => !char.IsLower(w[0])) ?? words[^1]).ToUpperInvariant();
        var consonant = word.Skip(1).FirstOrDefault(c => char.IsAsciiLetterUpper(c) && !"AEIOU".Contains(c, StringComparison.Ordinal));
        return $"{word[0]}{(consonant == default ? 'X' : consonant)}";
    }
}

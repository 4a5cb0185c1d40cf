using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Perimeter.Matching.Evidence;

/// <summary>The parts of a person's data a CURP encodes: <c>CurpField.PaternalSurname</c> covers positions 1, 2 and 14.</summary>
public enum CurpField
{
    /// <summary>First letter and first internal vowel (positions 1–2), first internal consonant (position 14).</summary>
    PaternalSurname,

    /// <summary>First letter (position 3) and first internal consonant (position 15); <c>X</c> for none.</summary>
    MaternalSurname,

    /// <summary>First letter (position 4) and first internal consonant (position 16) of the given name used.</summary>
    GivenName,

    /// <summary>YYMMDD (positions 5–10), the century read from the differentiator (position 17).</summary>
    DateOfBirth,

    /// <summary>H or M (position 11).</summary>
    Sex,
}

/// <summary>Whether one field of a person's data agrees with their CURP: <c>(PaternalSurname, true, "HER", "HER")</c>.</summary>
/// <param name="Field">Which part of the data: <c>CurpField.GivenName</c>.</param>
/// <param name="Agrees">Whether the CURP encodes what the data says.</param>
/// <param name="InCurp">The CURP's characters for the field: <c>"GL"</c>, or <c>"1956-04-27"</c> for the date.</param>
/// <param name="FromData">The same characters computed from the data: <c>"GL"</c>, or the date as precise as known.</param>
public readonly record struct CurpFieldAgreement(CurpField Field, bool Agrees, string InCurp, string FromData);

/// <summary>
/// Checks a CURP against the name, date of birth and sex it is said to belong to, field by field, by the rules the
/// registry builds it with: a CURP that contradicts its holder's name is a forged, borrowed or mistyped one.
/// </summary>
public static class CurpConsistency
{
    // Prepositions, conjunctions and contractions skipped in compound names: "de la Cruz" → CRUZ.
    private static readonly FrozenSet<string> Particles = new[]
    {
        "DA", "DAS", "DE", "DEL", "DER", "DI", "DIE", "DD", "EL", "LA", "LOS", "LAS", "LE", "LES", "MAC", "MC", "VAN",
        "VON", "Y",
    }.ToFrozenSet(StringComparer.Ordinal);

    // José and María (and their abbreviations) are passed over for the second given name when there is one:
    // "José Luis" → L, "Ma. Guadalupe" → G.
    private static readonly FrozenSet<string> PassedOverGivenNames = new[] { "JOSE", "J", "MARIA", "MA", "M" }
        .ToFrozenSet(StringComparer.Ordinal);

    // Four-letter words the registry never issues: their second letter becomes X (Annex 2 of the Instructivo).
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Inconvenient = new[]
    {
        "BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI", "COJA", "COJE",
        "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA", "JOTO", "KACA", "KACO", "KAGA",
        "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI", "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO",
        "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA",
        "NACO", "PEDA", "PEDO", "PENE", "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO",
        "RUIN", "SENO", "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY",
    }.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private const string Vowels = "AEIOU";

    /// <summary>
    /// Each field the data lets us check, and whether the CURP agrees; fields the data leaves out are not listed, and
    /// a CURP without a readable structure gives none:
    /// <c>Compare("HEGG560427MVZRRL04", "Gloria", "Hernández", "García", new(1956, 4, 27), Sex.Female)</c> → five
    /// fields, all agreeing.
    /// </summary>
    /// <remarks>
    /// A missing maternal surname is checked only when the CURP says "none" (X): a maternal surname dropped from the
    /// data is too common to count against. An unspecified sex (X) on either side is not compared.
    /// </remarks>
    public static IReadOnlyList<CurpFieldAgreement> Compare(
        string curp, string? givenNames, string? paternalSurname, string? maternalSurname, PartialDate? dateOfBirth, Sex sex)
    {
        var key = DocumentNumber.Normalize(curp);
        if (key.Length != Curp.Length || !Curp.TryReadDateOfBirth(key, out var encodedBirth))
            return [];
        var fields = new List<CurpFieldAgreement>(5);

        if (KeyWord(paternalSurname, passOverJoseMaria: false) is { } paternal)
        {
            var vowel = FirstInternal(paternal, IsVowel);
            // The registry puts X for the vowel when the four letters would spell a refused word.
            var expectedVowel = key[1] == 'X' && Inconvenient.Contains([key[0], vowel, key[2], key[3]]) ? 'X' : vowel;
            fields.Add(Field(CurpField.PaternalSurname, $"{key[0]}{key[1]}{key[13]}",
                $"{Letter(paternal[0])}{expectedVowel}{FirstInternal(paternal, IsConsonant)}"));
        }

        if (KeyWord(maternalSurname, passOverJoseMaria: false) is { } maternal)
            fields.Add(Field(CurpField.MaternalSurname, $"{key[2]}{key[14]}", $"{Letter(maternal[0])}{FirstInternal(maternal, IsConsonant)}"));
        else if (key[2] == 'X' && key[14] == 'X')
            fields.Add(Field(CurpField.MaternalSurname, "XX", "XX"));

        if (KeyWord(givenNames, passOverJoseMaria: true) is { } given)
            fields.Add(Field(CurpField.GivenName, $"{key[3]}{key[15]}", $"{Letter(given[0])}{FirstInternal(given, IsConsonant)}"));

        if (dateOfBirth is { } date)
        {
            var agrees = date.Year == encodedBirth.Year
                && (date.Month is null || date.Month == encodedBirth.Month)
                && (date.Day is null || date.Day == encodedBirth.Day);
            fields.Add(new(CurpField.DateOfBirth, agrees, encodedBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString()));
        }

        var sexLetter = sex switch
        {
            Sex.Male => "H",
            Sex.Female => "M",
            Sex.Unknown => null,
        };
        if (sexLetter is not null && key[10] is 'H' or 'M')
            fields.Add(Field(CurpField.Sex, key[10].ToString(), sexLetter));

        return fields;
    }

    /// <summary>
    /// The CURP a person's data implies, by the same rules <see cref="Compare"/> checks: four letters from the name,
    /// date of birth, sex, two-letter state code (<c>NE</c> for born abroad), three consonants, the differentiator
    /// RENAPO assigns (default <c>0</c> before 2000, <c>A</c> after) and the check digit:
    /// <c>Expected("Gloria", "Hernández", "García", new(1956, 4, 27), Sex.Female, "VZ")</c> → <c>HEGG560427MVZRRL04</c>.
    /// </summary>
    public static string Expected(
        string givenNames, string paternalSurname, string? maternalSurname, DateOnly dateOfBirth, Sex sex, string stateCode,
        char? differentiator = null)
    {
        if (!Curp.IsStateCode(stateCode))
            throw new ArgumentException($"not a CURP state code: \"{stateCode}\"", nameof(stateCode));
        var paternal = KeyWord(paternalSurname, passOverJoseMaria: false)
            ?? throw new ArgumentException("a CURP needs a paternal surname", nameof(paternalSurname));
        var maternal = KeyWord(maternalSurname, passOverJoseMaria: false);
        var given = KeyWord(givenNames, passOverJoseMaria: true)
            ?? throw new ArgumentException("a CURP needs a given name", nameof(givenNames));

        var initials = new string([Letter(paternal[0]), FirstInternal(paternal, IsVowel),
            maternal is null ? 'X' : Letter(maternal[0]), Letter(given[0])]);
        if (Inconvenient.Contains(initials))
            initials = $"{initials[0]}X{initials[2..]}";
        var sexLetter = sex switch
        {
            Sex.Male => 'H',
            Sex.Female => 'M',
            Sex.Unknown => throw new ArgumentException("a CURP records sex as H or M", nameof(sex)),
        };
        var first17 = string.Create(CultureInfo.InvariantCulture,
            $"{initials}{dateOfBirth:yyMMdd}{sexLetter}{stateCode}" +
            $"{FirstInternal(paternal, IsConsonant)}{(maternal is null ? 'X' : FirstInternal(maternal, IsConsonant))}" +
            $"{FirstInternal(given, IsConsonant)}{differentiator ?? (dateOfBirth.Year < 2000 ? '0' : 'A')}");
        return first17 + Curp.CheckDigit(first17);
    }

    private static CurpFieldAgreement Field(CurpField field, string inCurp, string fromData) =>
        new(field, string.Equals(inCurp, fromData, StringComparison.Ordinal), inCurp, fromData);

    // The word of a name the CURP is built from: particles dropped, accents removed, Ñ kept; null when there is none.
    private static string? KeyWord(string? name, bool passOverJoseMaria)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        var words = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var meaningful = words.Where(w => !Particles.Contains(w)).ToArray();
        if (meaningful.Length == 0)
            return words[0];
        return passOverJoseMaria && meaningful.Length > 1 && PassedOverGivenNames.Contains(meaningful[0])
            ? meaningful[1]
            : meaningful[0];
    }

    // Upper case without accents, Ñ kept; hyphens and spaces separate words; dots and apostrophes vanish ("Ma." → MA).
    private static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToUpperInvariant())
        {
            if (c == 'Ñ')
            {
                builder.Append(c);
                continue;
            }
            if (char.IsWhiteSpace(c) || c == '-' || c == '/')
            {
                builder.Append(' ');
                continue;
            }
            foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
            {
                if (char.IsAsciiLetterUpper(d))
                    builder.Append(d);
            }
        }
        return builder.ToString();
    }

    private static char FirstInternal(string word, Func<char, bool> wanted)
    {
        foreach (var c in word.AsSpan(1))
        {
            if (wanted(c))
                return Letter(c);
        }
        return 'X';
    }

    private static bool IsVowel(char c) => Vowels.Contains(c, StringComparison.Ordinal);

    private static bool IsConsonant(char c) => (char.IsAsciiLetterUpper(c) || c == 'Ñ') && !IsVowel(c);

    // Ñ is written X wherever it would land in the key.
    private static char Letter(char c) => c == 'Ñ' ? 'X' : c;
}

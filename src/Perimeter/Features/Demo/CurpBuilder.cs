using System.Globalization;
using System.Text;
using Perimeter.Matching.Evidence;

namespace Perimeter.Features.Demo;

/// <summary>
/// Builds Mexico's population registry key (CURP) for synthetic persons by RENAPO's published rules (Instructivo Normativo para la Asignación de la
/// CURP): four letters from the name, the date of birth, sex, state of birth, three consonants, a differentiator and
/// a check digit.
/// </summary>
public static class CurpBuilder
{
    private const string Vowels = "AEIOU";

    // Prepositions, conjunctions and contractions skipped in compound names: "de la Cruz" → CRUZ.
    private static readonly HashSet<string> Particles = new(
        ["DA", "DAS", "DE", "DEL", "DER", "DI", "DIE", "DD", "EL", "LA", "LOS", "LAS", "LE", "LES", "MAC", "MC", "VAN", "VON", "Y"],
        StringComparer.Ordinal);

    // A first given name this common is passed over for the second one when there is one: "José Luis" → LUIS.
    private static readonly HashSet<string> CommonFirstNames = new(["JOSE", "J", "MARIA", "MA", "M"], StringComparer.Ordinal);

    // Four-letter words the registry never issues: their second letter becomes X (Annex 2 of the Instructivo).
    private static readonly HashSet<string> Inconvenient = new(
        ["BACA", "BAKA", "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COGI", "COJA", "COJE",
         "COJI", "COJO", "COLA", "CULO", "FALO", "FETO", "GETA", "GUEI", "GUEY", "JETA", "JOTO", "KACA", "KACO", "KAGA",
         "KAGO", "KAKA", "KAKO", "KOGE", "KOGI", "KOJA", "KOJE", "KOJI", "KOJO", "KOLA", "KULO", "LILO", "LOCA", "LOCO",
         "LOKA", "LOKO", "MAME", "MAMO", "MEAR", "MEAS", "MEON", "MIAR", "MION", "MOCO", "MOKO", "MULA", "MULO", "NACA",
         "NACO", "PEDA", "PEDO", "PENE", "PIPI", "PITO", "POPO", "PUTA", "PUTO", "QULO", "RATA", "ROBA", "ROBE", "ROBO",
         "RUIN", "SENO", "TETA", "VACA", "VAGA", "VAGO", "VAKA", "VUEI", "VUEY", "WUEI", "WUEY"],
        StringComparer.Ordinal);

    /// <summary>
    /// Builds the 18-character CURP from a name, date of birth, sex and two-letter state code (<c>NE</c> for born
    /// abroad): <c>Compute("Gloria", "Hernández", "García", new(1956, 4, 27), Sex.Female, "VZ")</c> →
    /// <c>HEGG560427MVZRRL04</c>. The differentiator, which RENAPO assigns, defaults to <c>0</c> for births before
    /// 2000 and <c>A</c> from 2000 on.
    /// </summary>
    public static string Compute(
        string givenNames, string paternalSurname, string? maternalSurname, DateOnly dateOfBirth, Sex sex, string stateCode,
        char? differentiator = null)
    {
        if (stateCode.Length != 2 || !stateCode.All(char.IsAsciiLetterUpper))
            throw new ArgumentException($"not a CURP state code: \"{stateCode}\"", nameof(stateCode));
        var paternal = KeyWord(paternalSurname, skipCommonFirstName: false)
            ?? throw new ArgumentException("a CURP needs a paternal surname", nameof(paternalSurname));
        var maternal = maternalSurname is null ? null : KeyWord(maternalSurname, skipCommonFirstName: false);
        var given = KeyWord(givenNames, skipCommonFirstName: true)
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

    /// <summary>The word of a name the CURP is built from: particles dropped, accents removed, Ñ kept.</summary>
    private static string? KeyWord(string name, bool skipCommonFirstName)
    {
        var words = Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var meaningful = words.Where(w => !Particles.Contains(w)).ToArray();
        if (meaningful.Length == 0)
            return words.FirstOrDefault();
        return skipCommonFirstName && meaningful.Length > 1 && CommonFirstNames.Contains(meaningful[0])
            ? meaningful[1]
            : meaningful[0];
    }

    private static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.ToUpperInvariant())
        {
            if (c == 'Ñ')
                builder.Append(c);
            else if (char.IsWhiteSpace(c) || c == '-')
                builder.Append(' ');
            else
            {
                foreach (var d in c.ToString().Normalize(NormalizationForm.FormD))
                {
                    if (char.IsAsciiLetterUpper(d))
                        builder.Append(d);
                }
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

    private static bool IsConsonant(char c) => (char.IsAsciiLetterUpper(c) || c == 'Ñ') && !Vowels.Contains(c, StringComparison.Ordinal);

    // Ñ is written X wherever it would land in the key.
    private static char Letter(char c) => c == 'Ñ' ? 'X' : c;
}

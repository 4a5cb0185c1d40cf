using System.Globalization;
using System.Text;
using Perimeter.Features.Alerts;
using Perimeter.Matching.Names;
using Perimeter.Matching.Screening;

namespace Perimeter.Benchmarks.Accuracy;

/// <summary>How a query's name is handed to the screening engine.</summary>
internal enum QueryLayout
{
    /// <summary>Given names and surnames in separate fields, as a passport or a form gives them.</summary>
    Structured,
    /// <summary>One free-text field, given names first: "Joaquin GUZMAN LOERA".</summary>
    GivenFirst,
    /// <summary>One free-text field in capitals, surnames first, no comma: "GUZMAN LOERA JOAQUIN" (manifests, MRZ read as text).</summary>
    SurnameFirst,
    /// <summary>One free-text field, given first and the two surnames swapped: "Joaquin LOERA GUZMAN".</summary>
    SurnamesSwapped,
}

/// <summary>A person name as written tokens, given names and surnames apart, cased as the source wrote them.</summary>
internal sealed record NameForm(string[] Given, string[] Surnames)
{
    /// <summary>The parts of an OFAC name with a comma: "GUZMAN LOERA, Joaquin" → ["Joaquin"], ["GUZMAN", "LOERA"]; null without one.</summary>
    public static NameForm? Of(PersonName name) => PersonNames.IsStructured(name)
        ? new NameForm(Split(name.GivenNames!), Split(name.Surnames!))
        : null;

    public static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Tokens that are not particles: "Jose de Jesus" has two, "de la ROSA" one.</summary>
    public static int CoreCount(string[] tokens) => tokens.Count(t => !IsParticle(t));

    public static bool IsParticle(string token) => VariantTables.Particles.Contains(NameText.Fold(token));

    public string GivenText => string.Join(' ', Given);
    public string SurnameText => string.Join(' ', Surnames);

    /// <summary>The name as the engine receives it in <paramref name="layout"/>.</summary>
    public SubjectName ToSubjectName(QueryLayout layout) => layout switch
    {
        QueryLayout.Structured => SubjectName.Structured(GivenText, SurnameText),
        QueryLayout.GivenFirst => SubjectName.Free($"{GivenText} {SurnameText}"),
        QueryLayout.SurnameFirst => SubjectName.Free($"{SurnameText} {GivenText}".ToUpperInvariant()),
        QueryLayout.SurnamesSwapped => SubjectName.Free($"{GivenText} {string.Join(' ', SwappedSurnames()!)}"),
    };

    /// <summary>"DE LA ROSA GARCIA" → ["GARCIA", "DE", "LA", "ROSA"]: the tokens after the first core surname move to the front; null with one surname.</summary>
    public string[]? SwappedSurnames()
    {
        var firstCore = Array.FindIndex(Surnames, t => !IsParticle(t));
        if (firstCore < 0 || CoreCount(Surnames[(firstCore + 1)..]) == 0)
            return null;
        return [.. Surnames[(firstCore + 1)..], .. Surnames[..(firstCore + 1)]];
    }

    /// <summary>A replacement word written in the case of the word it replaces: ("GARCIA", "pérez") → "PÉREZ", ("Jose", "pepe") → "Pepe".</summary>
    public static string CasedLike(string original, string replacement)
    {
        if (original.Length > 1 && original.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return replacement.ToUpperInvariant();
        if (original.Length > 0 && char.IsLower(original[0]))
            return replacement;
        return string.Concat(replacement[..1].ToUpperInvariant(), replacement.AsSpan(1));
    }

    /// <summary>Writes a folded respelling over an ASCII word of the same length, letter by letter in its case: ("GARCIA", "garcía") → "GARCÍA".</summary>
    public static string? Overlay(string original, string respelled)
    {
        if (original.Length != respelled.Length)
            return null;
        var builder = new StringBuilder(original.Length);
        for (var i = 0; i < original.Length; i++)
        {
            var c = respelled[i];
            builder.Append(char.IsUpper(original[i]) ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
        }
        return builder.ToString();
    }
}

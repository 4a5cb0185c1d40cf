using System.Globalization;
using Perimeter.Features.Screening;
using Perimeter.Matching.Screening;

namespace Perimeter.Tests.Features.Screening;

/// <summary>Each kind of evidence the engine explains, as one sentence in each language, on the side it weighs.</summary>
public sealed class ScreeningReasonsTests : IDisposable
{
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public void Dispose() => CultureInfo.CurrentUICulture = _uiCulture;

    public static TheoryData<string, PartExplanation, string> Parts => new()
    {
        { "en", new PartExplanation("santi", "santiago", PartAgreement.Equivalent, 3.1, "shortened"), "santi → santiago (nickname shortened)" },
        { "es", new PartExplanation("santi", "santiago", PartAgreement.Equivalent, 3.1, "shortened"), "santi → santiago (hipocorístico acortado)" },
        { "es", new PartExplanation("pancho", "francisco", PartAgreement.Equivalent, 4.2, "pancho→francisco"), "pancho → francisco (hipocorístico pancho→francisco)" },
        { "es", new PartExplanation("guzmam", "guzman", PartAgreement.Typo, 6.0, "1 edit"), "guzmam → guzman (errata 1 cambio)" },
        { "es", new PartExplanation("loera", null, PartAgreement.MissingFromList, -0.4), "loera: no registrado" },
    };

    public static TheoryData<string, FeatureExplanation, string> Features => new()
    {
        { "en", new FeatureExplanation("name", ExplanationPhrases.WomansNameAgainstMans, -8.6) { Arguments = ["Joaquina", "Joaquin"] },
            "a woman's name against a man's: Joaquina, listed Joaquin" },
        { "es", new FeatureExplanation("name", ExplanationPhrases.WomansNameAgainstMans, -8.6) { Arguments = ["Joaquina", "Joaquin"] },
            "un nombre de mujer frente a uno de hombre: Joaquina; en la lista, Joaquin" },
        { "es", new FeatureExplanation("name", ExplanationPhrases.Relative, -9.0),
            "ambos apellidos coinciden y todos los nombres de pila difieren: un familiar, no la persona registrada" },
        { "es", new FeatureExplanation("document", "same number but for look-alike characters", 9.0, "Passport"),
            "Documento: mismo número salvo caracteres que se confunden (Passport)" },
        { "en", new FeatureExplanation("sex", "different", -5.6, "F / M (given name)"), "Sex: different (F / M (given name))" },
        { "es", new FeatureExplanation("sex", "different", -5.6, "F / M (given name)"), "Sexo: no coincide (mujer / hombre (por el nombre de pila))" },
        // An outcome this node has no text for yet reads as the engine wrote it.
        { "es", new FeatureExplanation("dob", "a brand new outcome", 1.0), "Fecha de nacimiento: a brand new outcome" },
        { "es", new FeatureExplanation("name", "a brand new sentence", -1.0) { Arguments = ["Salazar"] }, "Nombre: a brand new sentence" },
    };

    [Theory, MemberData(nameof(Parts))]
    public void A_name_part_reads_as_how_the_two_parts_met(string language, PartExplanation part, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(language);

        var reasons = ScreeningReasons.Of([part], []);

        Assert.Equal([expected], part.WeightBits > 0 ? reasons.For : reasons.Against);
    }

    [Theory, MemberData(nameof(Features))]
    public void Other_evidence_reads_as_a_sentence_on_the_side_it_weighs(string language, FeatureExplanation feature, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(language);

        var reasons = ScreeningReasons.Of([], [feature]);

        Assert.Equal([expected], feature.WeightBits > 0 ? reasons.For : reasons.Against);
        Assert.Empty(feature.WeightBits > 0 ? reasons.Against : reasons.For);
    }

    [Fact]
    public void Evidence_that_weighs_nothing_is_neither_for_nor_against()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var reasons = ScreeningReasons.Of([new PartExplanation(null, "loera", PartAgreement.MissingFromQuery, 0)], [new FeatureExplanation("dob", "not listed", 0)]);

        Assert.Equal((0, 0), (reasons.For.Count, reasons.Against.Count));
        Assert.Equal(["loera: not given", "Date of birth: not listed"], reasons.Neutral);
    }
}

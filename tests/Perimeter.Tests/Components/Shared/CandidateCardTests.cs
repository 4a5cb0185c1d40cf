using Bunit;
using Perimeter.Components.Shared;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Screening;
using Perimeter.Matching.Screening;

namespace Perimeter.Tests.Components.Shared;

public sealed class CandidateCardTests
{
    private static readonly ScreenCandidate Guzman = Candidate(Band.None, 0.0098,
        [
            new PartExplanation("jose", null, PartAgreement.MissingFromList, -2.1),
            new PartExplanation("guzman", "guzman", PartAgreement.Exact, 9.3),
            new PartExplanation(null, "loera", PartAgreement.MissingFromQuery, -0.4),
            new PartExplanation("pancho", "francisco", PartAgreement.Equivalent, 4.2, "pancho→francisco"),
        ],
        [
            new FeatureExplanation("dob", "same year", 2.5, "1957"),
            new FeatureExplanation("nationality", "different", -3.0, "US"),
            new FeatureExplanation("dob", "a brand new outcome", 0),
        ]);

    /// <summary>Joaquín Guzmán Salazar, born 1981, against Joaquín Guzmán Loera, born 1954: his namesake, not him.</summary>
    private static readonly ScreenCandidate Namesake = Candidate(Band.None, 0.004,
        [
            new PartExplanation("joaquin", "joaquin", PartAgreement.Exact, 5.1),
            new PartExplanation("guzman", "guzman", PartAgreement.Exact, 9.3),
        ],
        [
            new FeatureExplanation("name", ExplanationPhrases.OtherMaternalSurname, -3.5) { Arguments = ["Salazar", "Loera"] },
            new FeatureExplanation("dob", ExplanationPhrases.YearsApart, -6.2) { Arguments = ["27", "1981", "1954"] },
            new FeatureExplanation("sex", "different", -4.0, "F / M (given name)"),
        ]);

    [Fact]
    public void Evidence_for_and_evidence_against_are_listed_apart_each_marked_its_way()
    {
        using var context = new ComponentContext();
        var card = context.Bunit.Render<CandidateCard>(p => p.Add(c => c.Candidate, Guzman).Add(c => c.Rank, 2).Add(c => c.Purpose, Purposes.Sanctions));

        Assert.Equal("Why it may be this person", card.Find(".reasons-for h4").TextContent);
        Assert.Equal(
        [
            ("for", "guzman → guzman (exact)"),
            ("for", "pancho → francisco (nickname pancho→francisco)"),
            ("for", "Date of birth: same year (1957)"),
        ], Items(card, ".reasons-for li"));
        Assert.Equal("Why it may not be", card.Find(".reasons-against h4").TextContent);
        Assert.Equal(
        [
            ("against", "jose: not listed"),
            ("against", "loera: not given"),
            ("against", "Nationality: different (US)"),
        ], Items(card, ".reasons-against li"));
        Assert.Equal([("neutral", "Date of birth: a brand new outcome")], Items(card, "ul[aria-label='Neither for nor against'] li"));
        Assert.Equal("Weak", card.Find(".band").TextContent);
        Assert.Equal("1.0%", card.Find(".score").TextContent);
        Assert.Equal($"/alerts/{Guzman.AlertId}?purpose=sanctions", card.Find("h3 a").GetAttribute("href"));
        Assert.Equal("Joaquín GUZMÁN LOERA", card.Find("h3 a").TextContent);
    }

    [Fact]
    public void In_Spanish_the_explanation_reads_in_Spanish_and_an_unknown_outcome_is_shown_as_the_engine_wrote_it()
    {
        using var context = new ComponentContext("es-MX");
        var card = context.Bunit.Render<CandidateCard>(p => p.Add(c => c.Candidate, Guzman).Add(c => c.Rank, 1));

        var text = card.Markup;

        Assert.Contains("guzman → guzman (exacto)", text, StringComparison.Ordinal);
        Assert.Contains("loera: no indicado", text, StringComparison.Ordinal);
        Assert.Contains("Fecha de nacimiento: mismo año (1957)", text, StringComparison.Ordinal);
        Assert.Contains("Nacionalidad: no coincide (US)", text, StringComparison.Ordinal);
        Assert.Contains("Fecha de nacimiento: a brand new outcome", text, StringComparison.Ordinal);
        Assert.Equal("Por qué puede ser esta persona", card.Find(".reasons-for h4").TextContent);
        Assert.Equal("Por qué puede no serlo", card.Find(".reasons-against h4").TextContent);
        Assert.Equal("Débil", card.Find(".band").TextContent);
        Assert.StartsWith("1.0", card.Find(".score").TextContent, StringComparison.Ordinal);
        Assert.Contains("Contactar al originador", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_namesake_under_also_consider_shows_why_he_is_not_the_listed_person()
    {
        using var context = new ComponentContext();
        var card = context.Bunit.Render<CandidateCard>(p => p.Add(c => c.Candidate, Namesake).Add(c => c.Rank, 1));

        Assert.Equal(
        [
            "another mother's surname: Salazar, listed Loera",
            "born 27 years apart (1981 / 1954)",
            "Sex: different (F / M (given name))",
        ], Items(card, ".reasons-against li").Select(i => i.Text));
        Assert.Equal(["joaquin → joaquin (exact)", "guzman → guzman (exact)"], Items(card, ".reasons-for li").Select(i => i.Text));
    }

    [Fact]
    public void In_Spanish_the_evidence_against_reads_as_Spanish_sentences_and_the_sexes_are_spelled_out()
    {
        using var context = new ComponentContext("es-MX");
        var card = context.Bunit.Render<CandidateCard>(p => p.Add(c => c.Candidate, Namesake).Add(c => c.Rank, 1));

        Assert.Equal(
        [
            "otro apellido materno: Salazar; en la lista, Loera",
            "nacidos con 27 años de diferencia (1981 / 1954)",
            "Sexo: no coincide (mujer / hombre (por el nombre de pila))",
        ], Items(card, ".reasons-against li").Select(i => i.Text));
    }

    [Theory]
    [InlineData(Band.None, "Nothing against it, but too little for it to reach the possible band.")]
    [InlineData(Band.Strong, "Nothing against it.")]
    public void A_candidate_with_nothing_against_it_says_so_and_a_weak_one_why_it_is_not_in_a_band(Band band, string said)
    {
        using var context = new ComponentContext();
        var candidate = Candidate(band, 0.2, [new PartExplanation("guzman", "guzman", PartAgreement.Exact, 9.3)], []);

        var card = context.Bunit.Render<CandidateCard>(p => p.Add(c => c.Candidate, candidate).Add(c => c.Rank, 1));

        Assert.Empty(card.FindAll(".reasons-against li"));
        Assert.Equal(said, card.Find(".reasons-against p").TextContent);
    }

    // The card writes its reasons from the parts, in the page's language; ReasonsFor and ReasonsAgainst are the API's.
    private static ScreenCandidate Candidate(Band band, double score, PartExplanation[] parts, FeatureExplanation[] features) => new(
        Guid.CreateVersion7(), score, band, AlertKind.Person, AlertCategory.Sanctioned, ActionOnHit.ContactOriginator, "us.cbp",
        "Joaquín GUZMÁN LOERA", "Joaquin GUZMAN LOERA", new Explanation("Joaquin GUZMAN LOERA", parts, features, 0).Summary(),
        parts, features, [], [], null);

    private static List<(string Class, string Text)> Items(IRenderedComponent<CandidateCard> card, string selector) =>
        [.. card.FindAll(selector).Select(li => (li.ClassName ?? "", li.TextContent))];
}

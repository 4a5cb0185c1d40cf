using Bunit;
using Perimeter.Components.Shared;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Screening;
using Perimeter.Matching.Screening;

namespace Perimeter.Tests.Components.Shared;

public sealed class CandidateCardTests
{
    private static readonly ScreenCandidate Guzman = new(
        Guid.CreateVersion7(), 0.0098, Band.None, AlertKind.Person, AlertCategory.Sanctioned, ActionOnHit.ContactOriginator, "us.cbp",
        "Joaquín GUZMÁN LOERA", "Joaquin GUZMAN LOERA", "name: jose not listed, guzman=guzman (exact), loera not given",
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
        ],
        null);

    [Fact]
    public void Each_name_part_says_how_it_matched_and_is_marked_for_or_against()
    {
        using var context = new ComponentContext();
        var card = context.Bunit.Render<CandidateCard>(p => p.Add(c => c.Candidate, Guzman).Add(c => c.Rank, 2).Add(c => c.Purpose, Purposes.Sanctions));

        var parts = card.FindAll("ul.parts")[0].Children.Select(li => (li.ClassName, li.TextContent)).ToList();

        Assert.Equal(
        [
            ("against", "jose: not listed"),
            ("agree-exact", "guzman → guzman (exact)"),
            ("against", "loera: not given"),
            ("agree-near", "pancho → francisco (nickname pancho→francisco)"),
        ], parts);
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
        Assert.Contains("Nacionalidad: distinta (US)", text, StringComparison.Ordinal);
        Assert.Contains("Fecha de nacimiento: a brand new outcome", text, StringComparison.Ordinal);
        Assert.Equal("Débil", card.Find(".band").TextContent);
        Assert.StartsWith("1.0", card.Find(".score").TextContent, StringComparison.Ordinal);
        Assert.Contains("Contactar al originador", text, StringComparison.Ordinal);
    }
}

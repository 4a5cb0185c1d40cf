using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;

namespace Perimeter.Matching.Tests.Screening;

/// <summary>The cases of the product brief, screened against a list of ordinary names with realistic frequencies.</summary>
public sealed class ScreeningCaseTests
{
    private static readonly Guid Listed = new("00000000-0000-0000-0000-0000000000aa");

    [Theory]
    [InlineData("GUZMAN LOERA, Joaquin", "Joaquin Guzman", Band.Strong)]
    [InlineData("Joaquín Guzmán Loera", "JOAQUIN GUZMAN LOERA", Band.Strong)]
    [InlineData("GUZMAN LOERA, Joaquin", "LOERA GUZMAN JOAQUIN", Band.Strong)]
    [InlineData("Maria de la Rosa Perez", "MARIA DELAROSA PEREZ", Band.Strong)]
    [InlineData("José María Castillo Vargas", "J. Maria Castillo", Band.Strong)]
    [InlineData("José María Castillo Vargas", "Jose Castillo Vargas", Band.Strong)]
    [InlineData("María Guadalupe Núñez Ibarra", "Ma. Guadalupe Nunez", Band.Strong)]
    [InlineData("Francisco Javier Amezcua Contreras", "Fco. Javier Amezcua", Band.Strong)]
    [InlineData("Francisco Javier Amezcua Contreras", "Pancho Amezcua Contreras", Band.Strong)]
    [InlineData("Francisco Javier Amezcua Contreras", "Paco Amezcua Contreras", Band.Strong)]
    [InlineData("José Luis Treviño Morales", "Pepe Treviño Morales", Band.Strong)]
    [InlineData("Jesús Zambada García", "Chuy Zambada", Band.Possible)]
    [InlineData("Guadalupe Fernández Valencia", "Lupe Fernandez Valencia", Band.Strong)]
    [InlineData("Guillermo Hernández Ortiz", "Memo Hernandez Ortiz", Band.Strong)]
    [InlineData("Guillermo Hernández Ortiz", "William Hernandez Ortiz", Band.Strong)]
    [InlineData("Ignacio Coronel Villarreal", "Nacho Coronel Villarreal", Band.Strong)]
    [InlineData("Alberto Beltrán Leyva", "Beto Beltran Leyva", Band.Strong)]
    [InlineData("Roberto Beltrán Leyva", "Beto Beltran Leyva", Band.Strong)]
    [InlineData("José Cárdenas Guillén", "Joseph Cardenas Guillen", Band.Strong)]
    [InlineData("William Robert Smith", "Bill Smith", Band.Possible)]
    [InlineData("Robert Anthony Kowalski", "Bob Kowalski", Band.Possible)]
    [InlineData("José María Castillo Vargas", "Jose Castiyo Bargas", Band.Strong)]
    [InlineData("Rafael Caro Quintero", "Rafael Caro Kintero", Band.Strong)]
    [InlineData("Rafael Caro Quintero", "Rafael Karo Quinterro", Band.Strong)]
    [InlineData("Ovidio Guzmán López", "Obidio Guzman Lopes", Band.Strong)]
    [InlineData("Juan José Esparragoza Moreno", "Juan Jose Esparagoza Moreno", Band.Strong)]
    [InlineData("Héctor Luis Palma Salazar", "Ector Luis Palma Zalazar", Band.Strong)]
    [InlineData("Ismael Zambada García", "ZAMBADA GARCIA, Ismael", Band.Strong)]
    [InlineData("Ismael Zambada García", "Ismael Zambada-Garcia", Band.Strong)]
    public void A_variant_of_a_listed_name_is_found_in_its_band(string listed, string query, Band expected)
    {
        var match = Screen(listed, query);

        Assert.NotNull(match);
        Assert.True(match.Band >= expected, $"{query} → {listed}: {match.Score} {match.Band}; {match.Explanation.Summary()}");
    }

    [Theory]
    [InlineData("George Habbash", "George Bush")]
    [InlineData("Joaquín Guzmán Loera", "Joaquín Pérez Sánchez")]
    [InlineData("Rafael Caro Quintero", "Rafael Castro Quiñones")]
    [InlineData("Ismael Zambada García", "Isabel Zamora García")]
    public void A_different_person_sharing_a_name_part_stays_below_possible(string listed, string query) =>
        Assert.True(Screen(listed, query) is null or { Band: Band.None }, $"{query} → {listed}");

    [Theory]
    [InlineData("11420 CORP.", "BELLETECH CORP")]
    [InlineData("EMMA LLC", "Emma Daniels")]
    [InlineData("GRUPO ALTAMIRA S.A. DE C.V.", "Grupo Bimbo S.A. de C.V.")]
    public void A_legal_form_or_a_common_word_never_carries_a_match(string listed, string query) =>
        Assert.True(Screen(listed, query, SubjectKind.Organization) is null or { Band: Band.None }, $"{query} → {listed}");

    [Theory]
    [InlineData("CONSTRUCTORA Y ARRENDADORA SAN MIGUEL S.A. DE C.V.", "Constructora y Arrendadora San Miguel SA de CV")]
    [InlineData("TRANSPORTES DEL NORTE DE SONORA, S. DE R.L. DE C.V.", "Transportes del Norte de Sonora")]
    [InlineData("BLUE RIVER TRADING LLC", "Blue River Trading, L.L.C.")]
    public void An_organization_is_found_whatever_its_legal_form_is_written_as(string listed, string query)
    {
        var match = Screen(listed, query, SubjectKind.Organization);

        Assert.True(match is { Band: Band.Strong }, $"{query} → {listed}: {match?.Score}");
    }

    [Fact]
    public void A_common_name_alone_is_weak_evidence_and_a_date_of_birth_makes_it_strong()
    {
        var withoutDate = Screen("Juan Hernández García", "Juan Hernandez Garcia", dates: ("1970-03-15", null));
        var withDate = Screen("Juan Hernández García", "Juan Hernandez Garcia", dates: ("1970-03-15", "1970-03-15"));

        Assert.True(withoutDate is null or { Band: < Band.Strong }, $"{withoutDate?.Score}");
        Assert.True(withDate is { Band: Band.Strong }, $"{withDate?.Score}");
    }

    [Fact]
    public void A_rare_exact_name_is_strong_on_its_own()
    {
        var match = Screen("Amezcua Contreras, Jose de Jesus", "Jose de Jesus Amezcua Contreras");

        Assert.Equal(Band.Strong, match?.Band);
    }

    [Theory]
    [InlineData("1957-04-04", "1957-04-04", "exact")]
    [InlineData("1957-04-07", "1957-07-04", "day and month swapped")]
    [InlineData("1957-04-04", "1957", "same year")]
    [InlineData("1957-04-04", "1958-04-04", "a year apart")]
    [InlineData("1957-04-04", "1957-09-23", "different")]
    [InlineData("1957-04-04", "1981-11-23", "years apart")]
    public void Dates_of_birth_are_weighed_by_how_they_agree(string listed, string query, string outcome)
    {
        var match = Screen("Joaquín Guzmán Loera", "Joaquin Guzman Loera", dates: (listed, query), threshold: 0);

        var dob = Assert.Single(match!.Explanation.Features, f => f.Feature == "dob");
        Assert.Equal(outcome, dob.Outcome);
    }

    [Fact]
    public void Date_levels_order_the_scores()
    {
        string[] queries = ["1957-04-07", "1957-07-04", "1957", "1958-04-07", "1960-11-23", "1964-11-23", "1981-11-23"];
        var scores = queries.Select(q => Screen("Joaquín Guzmán Loera", "Joaquin Guzman", dates: ("1957-04-07", q), threshold: 0)!.Explanation.WeightBits).ToList();

        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void A_matching_document_number_is_decisive_and_a_conflicting_one_is_strong_evidence_against()
    {
        var passport = new Identifier(IdentifierType.Passport, "G12345678", "MX");
        var same = Screen("Juan Pérez Martínez", "Juan Perez", identifiers: ([passport], [passport with { Number = "g-1234 5678" }]));
        var conflicting = Screen("Juan Pérez Martínez", "Juan Perez Martinez", identifiers: ([passport], [passport with { Number = "G87654321" }]), threshold: 0);
        var otherCountry = Screen("Juan Pérez Martínez", "Juan Perez Martinez", identifiers: ([passport], [new Identifier(IdentifierType.Passport, "987654321", "US")]), threshold: 0);

        Assert.Equal(Band.Strong, same?.Band);
        Assert.Contains(same!.Explanation.Features, f => f is { Feature: "document", Outcome: "same number" });
        Assert.Contains(conflicting!.Explanation.Features, f => f is { Feature: "document", Outcome: "different number, same issuer" });
        Assert.True(conflicting.Score < otherCountry!.Score);
    }

    [Fact]
    public void Every_candidate_explains_each_name_part_and_each_other_feature()
    {
        var match = Screen("Joaquín Guzmán Loera", "Chapo Joaquin Guzman", dates: ("1957-04-04", "1957-04-04"), threshold: 0);

        var summary = match!.Explanation.Summary();
        Assert.Contains("joaquin=joaquin (exact)", summary, StringComparison.Ordinal);
        Assert.Contains("guzman=guzman (exact)", summary, StringComparison.Ordinal);
        Assert.Contains("loera not given", summary, StringComparison.Ordinal);
        Assert.Contains("chapo not listed", summary, StringComparison.Ordinal);
        Assert.Contains("dob: exact", summary, StringComparison.Ordinal);
        Assert.Equal("Joaquín Guzmán Loera", match.Explanation.MatchedName);
    }

    private static Match? Screen(string listed, string query, SubjectKind kind = SubjectKind.Person,
        (string Listed, string? Query)? dates = null, (Identifier[] Listed, Identifier[] Query)? identifiers = null, double? threshold = null)
    {
        var entry = new Subject
        {
            Kind = kind,
            Names = [SubjectName.Free(listed)],
            DatesOfBirth = dates is { } d ? [Date(d.Listed)] : [],
            Identifiers = identifiers?.Listed ?? [],
        };
        var list = Watchlist.Build(Background.Entries().Append((Listed, entry)));
        var subject = new Subject
        {
            Kind = kind,
            Names = [SubjectName.Free(query)],
            DatesOfBirth = dates is { Query: { } q } ? [Date(q)] : [],
            Identifiers = identifiers?.Query ?? [],
        };
        // How this one entry scores, whatever the background entries score: no gap cut.
        var options = ScreeningOptions.Default with { Top = 50, Threshold = threshold ?? 0, Kind = kind, MaxGapBits = null };
        return list.Screen(subject, options).FirstOrDefault(m => m.Id == Listed);
    }

    private static PartialDate Date(string text) => PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);
}

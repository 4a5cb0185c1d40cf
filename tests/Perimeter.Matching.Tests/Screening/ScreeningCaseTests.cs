using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;

namespace Perimeter.Matching.Tests.Screening;

/// <summary>The cases of the product brief, screened against a list of ordinary names with realistic frequencies.</summary>
public sealed class ScreeningCaseTests
{
    private static readonly Guid Listed = new("00000000-0000-0000-0000-0000000000aa");

    [Theory]
    [InlineData("GUZMAN LOERA, Joaquin", "Joaquin Guzman")]
    [InlineData("Joaquín Guzmán Loera", "JOAQUIN GUZMAN LOERA")]
    [InlineData("GUZMAN LOERA, Joaquin", "LOERA GUZMAN JOAQUIN")]
    [InlineData("Maria de la Rosa Perez", "MARIA DELAROSA PEREZ")]
    [InlineData("José María Castillo Vargas", "J. Maria Castillo")]
    [InlineData("José María Castillo Vargas", "Jose Castillo Vargas")]
    [InlineData("María Guadalupe Núñez Ibarra", "Ma. Guadalupe Nunez")]
    [InlineData("Francisco Javier Amezcua Contreras", "Fco. Javier Amezcua")]
    [InlineData("Francisco Javier Amezcua Contreras", "Pancho Amezcua Contreras")]
    [InlineData("Francisco Javier Amezcua Contreras", "Paco Amezcua Contreras")]
    [InlineData("José Luis Treviño Morales", "Pepe Treviño Morales")]
    [InlineData("Jesús Zambada García", "Chuy Zambada")]
    [InlineData("Guadalupe Fernández Valencia", "Lupe Fernandez Valencia")]
    [InlineData("Guillermo Hernández Ortiz", "Memo Hernandez Ortiz")]
    [InlineData("Guillermo Hernández Ortiz", "William Hernandez Ortiz")]
    [InlineData("Ignacio Coronel Villarreal", "Nacho Coronel Villarreal")]
    [InlineData("Alberto Beltrán Leyva", "Beto Beltran Leyva")]
    [InlineData("Roberto Beltrán Leyva", "Beto Beltran Leyva")]
    [InlineData("José Cárdenas Guillén", "Joseph Cardenas Guillen")]
    [InlineData("Robert Anthony Kowalski", "Bob Kowalski")]
    [InlineData("Rafael Caro Quintero", "Rafael Caro Kintero")]
    [InlineData("Rafael Caro Quintero", "Rafael Karo Quinterro")]
    [InlineData("Ovidio Guzmán López", "Obidio Guzman Lopes")]
    [InlineData("Juan José Esparragoza Moreno", "Juan Jose Esparagoza Moreno")]
    [InlineData("Héctor Luis Palma Salazar", "Ector Luis Palma Zalazar")]
    [InlineData("Ismael Zambada García", "ZAMBADA GARCIA, Ismael")]
    [InlineData("Ismael Zambada García", "Ismael Zambada-Garcia")]
    public void A_variant_of_a_listed_name_alerts_and_with_its_date_of_birth_is_strong(string listed, string query)
    {
        var nameOnly = Screen(listed, query);
        var withDate = Screen(listed, query, dates: ("1962-05-17", "1962-05-17"));

        Assert.True(nameOnly is { Band: >= Band.Possible }, $"{query} → {listed}: {nameOnly?.Score} {nameOnly?.Band}; {nameOnly?.Explanation.Summary()}");
        Assert.True(withDate is { Band: Band.Strong }, $"{query} → {listed} with its date: {withDate?.Score} {withDate?.Band}; {withDate?.Explanation.Summary()}");
    }

    [Fact]
    public void The_commonest_names_are_told_apart_by_the_date_of_birth()
    {
        // Every Bill Smith at a lane would otherwise get an alert on the listed William Robert Smith: the name alone is never
        // strong, another date of birth rules him out, the listed date makes him strong.
        var nameOnly = Screen("William Robert Smith", "Bill Smith", threshold: 0);
        var otherDate = Screen("William Robert Smith", "Bill Smith", dates: ("1962-05-17", "1971-09-30"), threshold: 0);
        var sameDate = Screen("William Robert Smith", "Bill Smith", dates: ("1962-05-17", "1962-05-17"));

        Assert.True(nameOnly is { Band: < Band.Strong, Score: > 0.05 }, $"{nameOnly?.Score} {nameOnly?.Band}");
        Assert.True(otherDate is { Band: Band.None }, $"{otherDate?.Score} {otherDate?.Band}");
        Assert.True(sameDate is { Band: Band.Strong }, $"{sameDate?.Score} {sameDate?.Band}");
    }

    [Theory]
    // The query's second surname is also a listed given name: pairing the two must not hide the other mother's surname.
    [InlineData("Diego León Montoya Sánchez", "Diego Leon MONTOYA LEON", "leon")]
    // Llovera and Rivera read alike once a scanner's l is read as i, but they are two surnames, not a misreading and a typo.
    [InlineData("Negal Manuel Morales Llovera", "Negal Manuel MORALES RIVERA", "rivera")]
    public void Another_mothers_surname_counts_against_however_the_names_line_up(string listed, string query, string otherSurname)
    {
        var match = Screen(listed, query, threshold: 0);

        Assert.True(match is { Band: Band.None }, $"{query} → {listed}: {match?.Score} {match?.Band}; {match?.Explanation.Summary()}");
        Assert.Contains(match!.Explanation.Features, f => f.IsAgainst && f.Outcome == ExplanationPhrases.OtherMaternalSurname
            && string.Equals(f.Arguments[0], otherSurname, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Victor Nazario Castrejón Peña", "Victor Nazario CASTREJON ENA", "ena", "pena")]
    [InlineData("Carrie Lam", "Carrie 1AM", "iam", "lam")]
    [InlineData("Daut Haradinaj", "CLaut HARADINAJ", "claut", "daut")]
    public void A_dropped_letter_or_a_misread_one_is_a_typo_not_another_name(string listed, string query, string queryPart, string listedPart)
    {
        var match = Screen(listed, query, threshold: 0);

        Assert.Contains(match!.Explanation.NameParts, p => p.Query == queryPart && p.Listed == listedPart && p.Agreement == PartAgreement.Typo);
    }

    [Fact]
    public void A_common_name_spelt_by_sound_alerts_once_its_date_of_birth_agrees()
    {
        var nameOnly = Screen("José María Castillo Vargas", "Jose Castiyo Bargas", threshold: 0);
        var withDate = Screen("José María Castillo Vargas", "Jose Castiyo Bargas", dates: ("1962-05-17", "1962-05-17"));

        Assert.True(nameOnly is { Band: Band.None }, $"{nameOnly?.Score}");
        Assert.True(withDate is { Band: >= Band.Possible }, $"{withDate?.Score}");
        Assert.Contains(withDate!.Explanation.NameParts, p => p is { Query: "bargas", Listed: "vargas", Agreement: PartAgreement.Phonetic });
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
    // The words of a legal form written in part or mistyped say what kind of company, never which.
    [InlineData("JOINT STOCK COMPANY AVANGARD", "Joint Stock Sokol")]
    [InlineData("LIMITED LIABILITY COMPANY KROKUS NANOELEKTRONIKA", "Limited Liability Cmpany Romashka")]
    public void A_legal_form_or_a_common_word_never_carries_a_match(string listed, string query) =>
        Assert.True(Screen(listed, query, SubjectKind.Organization) is null or { Band: Band.None }, $"{query} → {listed}");

    [Theory]
    [InlineData("CONSTRUCTORA Y ARRENDADORA SAN MIGUEL S.A. DE C.V.", "Constructora y Arrendadora San Miguel SA de CV")]
    [InlineData("TRANSPORTES DEL NORTE DE SONORA, S. DE R.L. DE C.V.", "Transportes del Norte de Sonora")]
    [InlineData("BLUE RIVER TRADING LLC", "Blue River Trading, L.L.C.")]
    [InlineData("JOINT STOCK COMPANY AVANGARD", "Joint Stock Avangard")]
    [InlineData("LIMITED LIABILITY COMPANY KROKUS NANOELEKTRONIKA", "Limited Liability Cmpany Krokus Nanoelektronika")]
    [InlineData("ELEMENTO LIMITED", "Elemento Limtied")]
    public void An_organization_is_found_whatever_its_legal_form_is_written_as(string listed, string query)
    {
        var match = Screen(listed, query, SubjectKind.Organization);

        Assert.True(match is { Band: >= Band.Possible }, $"{query} → {listed}: {match?.Score}");
    }

    [Fact]
    public void A_common_name_alone_is_weak_evidence_and_a_date_of_birth_makes_it_an_alert()
    {
        var withoutDate = Screen("Juan Hernández García", "Juan Hernandez Garcia", dates: ("1970-03-15", null));
        var withDate = Screen("Juan Hernández García", "Juan Hernandez Garcia", dates: ("1970-03-15", "1970-03-15"));

        Assert.True(withoutDate is null or { Band: < Band.Strong }, $"{withoutDate?.Score}");
        Assert.True(withDate is { Band: >= Band.Possible } && withDate.Score > (withoutDate?.Score ?? 0), $"{withDate?.Score}");
    }

    [Fact]
    public void A_rare_exact_name_alerts_on_its_own_and_is_strong_with_its_date_of_birth()
    {
        var nameOnly = Screen("Amezcua Contreras, Jose de Jesus", "Jose de Jesus Amezcua Contreras");
        var withDate = Screen("Amezcua Contreras, Jose de Jesus", "Jose de Jesus Amezcua Contreras", dates: ("1964-07-31", "1964-07-31"));

        Assert.True(nameOnly is { Band: >= Band.Possible }, $"{nameOnly?.Score}");
        Assert.Equal(Band.Strong, withDate?.Band);
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

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Screening;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary>
/// <c>POST /api/v1/screen</c> as a partner's officer meets it: candidates best first, in bands, with the reasons.
/// Each test screens names of its own, so the tests of the class share one node per database.
/// </summary>
public sealed class ScreenApiTests(NodePerDatabase nodes) : IClassFixture<NodePerDatabase>
{
    private const string Partner = "mx.inm";

    private static readonly (string Given, string Surnames)[] Others =
    [
        ("Rafael", "Caro Quintero"), ("Ismael", "Zambada García"), ("Amado", "Carrillo Fuentes"), ("Miguel Ángel", "Félix Gallardo"),
        ("Héctor", "Beltrán Leyva"), ("Nemesio", "Oseguera Cervantes"), ("Ovidio", "Salas Ochoa"), ("Dámaso", "López Núñez"),
        ("Juan José", "Esparragoza Moreno"), ("Ignacio", "Coronel Villarreal"), ("Vicente", "Carrillo Leyva"), ("Eduardo", "Arellano Félix"),
        ("Rosalinda", "González Valencia"), ("Abigael", "González Valencia"), ("Servando", "Gómez Martínez"), ("Heriberto", "Lazcano Lazcano"),
        ("Osiel", "Cárdenas Guillén"), ("Teodoro", "García Simental"), ("Edgar", "Valdez Villarreal"), ("Arturo", "Beltrán Leyva"),
    ];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_partial_name_under_the_possible_band_comes_back_apart_only_when_asked_and_only_if_visible(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        // A node of its own: a score depends on the whole list (its size and how common each name part is on it),
        // and the class's shared node grows with every other test.
        await using var node = await TestNode.StartAsync(database, ct);
        // A list where Guzmán is one surname among many, as on a real list: on a list of Guzmáns it proves nothing.
        foreach (var (given, surnames) in Others)
            await node.PublishAsync(AnAlert.Person(given, surnames), ct);
        var chapo = await node.PublishAsync(AnAlert.Person("Joaquín Archivaldo", "Guzmán Loera"), ct);
        var hidden = await node.PublishAsync(AnAlert.Person("Joaquín Archivaldo", "Guzmán Loera") with
        {
            Markings = new Markings { Tlp = Tlp.Red, Purposes = Purposes.CounterNarcotics },
        }, ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);

        // A surname and a year of birth: worth a look, not a match.
        var plain = await officer.ScreenAsync(Screenings.Person("Jose Guzman", new PartialDate(1957)), ct);
        var asked = await officer.ScreenAsync(Screenings.Person("Jose Guzman", new PartialDate(1957)) with { AlsoConsider = 5 }, ct);

        Assert.DoesNotContain(chapo.Id, plain.Candidates.Select(c => c.AlertId));
        Assert.Empty(plain.AlsoConsider);
        var weaker = Assert.Single(asked.AlsoConsider, c => c.AlertId == chapo.Id);
        Assert.Equal(Band.None, weaker.Band);
        Assert.InRange(weaker.Score, ScreeningService.WeakestShown, 0.5);
        Assert.Contains("guzman=guzman (exact)", weaker.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(hidden.Id, asked.AlsoConsider.Select(c => c.AlertId));
        // What comes back apart is returned all the same, so the screening's audit record names it.
        Assert.NotEmpty(await node.AuditAsync(AuditAction.Screen, chapo.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_namesake_is_no_alert_and_under_also_consider_says_why_in_the_callers_language(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        // A node of its own, with the list of the first test: a score depends on the whole list.
        await using var node = await TestNode.StartAsync(database, ct);
        foreach (var (given, surnames) in Others)
            await node.PublishAsync(AnAlert.Person(given, surnames), ct);
        var chapo = await node.PublishAsync(AnAlert.Person().Named("Joaquin", "GUZMAN LOERA", new PartialDate(1954, 12, 25)), ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);
        // Another mother's surname and born a generation later: the name alone would alert, the evidence against rules it out.
        var namesake = Screenings.Person("Joaquín Guzmán Salazar", new PartialDate(1981, 6, 2)) with { AlsoConsider = 5 };

        var screened = await officer.ScreenAsync(namesake, ct);
        officer.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        var inSpanish = await officer.ScreenAsync(namesake, ct);

        Assert.DoesNotContain(chapo.Id, screened.Candidates.Select(c => c.AlertId));
        var weaker = screened.AlsoConsider.Single(c => c.AlertId == chapo.Id);
        Assert.Equal(Band.None, weaker.Band);
        Assert.Contains("joaquin → joaquin (exact)", weaker.ReasonsFor);
        Assert.Contains("another mother's surname: Salazar, listed Loera", weaker.ReasonsAgainst);
        Assert.Contains("born 27 years apart (1981 / 1954)", weaker.ReasonsAgainst);
        var weakerInSpanish = inSpanish.AlsoConsider.Single(c => c.AlertId == chapo.Id);
        Assert.Contains("joaquin → joaquin (exacto)", weakerInSpanish.ReasonsFor);
        Assert.Contains("otro apellido materno: Salazar; en la lista, Loera", weakerInSpanish.ReasonsAgainst);
        Assert.Contains("nacidos con 27 años de diferencia (1981 / 1954)", weakerInSpanish.ReasonsAgainst);
        // The engine's line for machines stays in English whatever the caller reads.
        Assert.Equal(weaker.Explanation, weakerInSpanish.Explanation);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_officer_gets_the_listed_person_first_with_the_reasons(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var guzman = await node.PublishAsync(AnAlert.Person(), ct);
        var nunez = await node.PublishAsync(AnAlert.Person().Named("José María", "Núñez Peña", new PartialDate(1979, 4, 12)), ct);
        var loera = await node.PublishAsync(AnAlert.Person().Named("Joaquín", "Loera Pérez", new PartialDate(1961, 2, 2)), ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);

        var screened = await officer.ScreenAsync(Screenings.Person("JOAQUIN GUZMAN LOERA", new PartialDate(1957, 4, 4)), ct);
        var withEnye = await officer.ScreenAsync(Screenings.Person("Jose Maria Nunez Pena"), ct);

        var first = screened.Candidates[0];
        Assert.Equal(guzman.Id, first.AlertId);
        Assert.Equal(Band.Strong, first.Band);
        Assert.Equal(screened.Candidates.OrderByDescending(c => c.Score).Select(c => c.AlertId), screened.Candidates.Select(c => c.AlertId));
        Assert.All(screened.Candidates, c => Assert.True(c.Band >= Band.Possible && c.Score is >= 0 and <= 1, $"{c.Score} {c.Band}"));
        Assert.Contains("guzman=guzman (exact)", first.Explanation, StringComparison.Ordinal);
        Assert.Contains(first.NameParts, p => (p.Query, p.Listed, p.Agreement) == ("loera", "loera", PartAgreement.Exact));
        Assert.Contains(first.Features, f => (f.Feature, f.Outcome) == ("dob", "exact"));
        Assert.Equal((AlertCategory.WantedForArrest, ActionOnHit.Detain, TestNode.Agency, "Joaquín Guzmán Loera"),
            (first.Category, first.ActionOnHit, first.Originator, first.DisplayName));
        Assert.Null(first.Decision);
        Assert.DoesNotContain(nunez.Id, screened.Candidates.Select(c => c.AlertId));
        Assert.True(screened.For(loera) is null or { Band: < Band.Strong }, "one shared surname is not a strong match");
        Assert.Equal(nunez.Id, withEnye.Candidates[0].AlertId);
        Assert.True(withEnye.Candidates[0].Band >= Band.Possible, "a name without its date of birth is an alert");
        Assert.Contains("nunez=nunez (exact)", withEnye.Candidates[0].Explanation, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_variant_of_the_listed_name_as_travellers_write_it_finds_the_alert(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var amezcua = await node.PublishAsync(AnAlert.Person().Named("Francisco Javier", "Amezcua Contreras", new PartialDate(1964, 5, 21)), ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);
        (string Query, string Reason)[] variants =
        [
            ("Francisco Javier Amezcua", "contreras not given"),
            ("Pancho Amezcua Contreras", "pancho=francisco (nickname"),
            ("Francisco Javier Amezcua Contrearas", "contrearas=contreras"),
            ("AMEZCUA CONTRERAS, Fco. Javier", "amezcua=amezcua (exact)"),
        ];

        foreach (var (query, reason) in variants)
        {
            var screened = await officer.ScreenAsync(Screenings.Person(query), ct);

            var first = Assert.Single(screened.Candidates.Take(1));
            Assert.True(first.AlertId == amezcua.Id, $"{query}: {string.Join("; ", screened.Candidates.Select(c => $"{c.DisplayName} {c.Score}"))}");
            Assert.True(first.Band >= Band.Possible, $"{query}: {first.Score}");
            Assert.Contains(reason, first.Explanation, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Vehicles_firearms_and_documents_are_found_by_their_numbers_however_they_are_written(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var truck = await node.PublishAsync(AnAlert.Vehicle("ABC-1234") with
        {
            Subject = new AlertSubject { Vehicle = new VehicleData { Plate = "ABC-1234", PlateIssuer = "US-TX", Make = "Ford", Model = "F-150" } },
        }, ct);
        var car = await node.PublishAsync(AnAlert.Vehicle() with
        {
            Subject = new AlertSubject { Vehicle = new VehicleData { Vin = "1FTFW1ET5DFC10312", Make = "Ford" } },
        }, ct);
        var rifle = await node.PublishAsync(AnAlert.Vehicle() with
        {
            Kind = AlertKind.Firearm,
            Category = AlertCategory.StolenFirearm,
            Subject = new AlertSubject { Firearm = new FirearmData { SerialNumber = "LW-0048213", Make = "Colt", Type = FirearmType.Rifle } },
        }, ct);
        var passport = await node.PublishAsync(AnAlert.Vehicle() with
        {
            Kind = AlertKind.Document,
            Category = AlertCategory.LostOrStolenDocument,
            Subject = new AlertSubject { Document = new DocumentData { Type = DocumentType.Passport, Number = "G48120377", IssuingCountry = "MX" } },
        }, ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);

        var byPlate = await officer.ScreenAsync(new ScreenRequest { Kind = AlertKind.Vehicle, Plate = "abc1234" }, ct);
        var byVin = await officer.ScreenAsync(new ScreenRequest { Kind = AlertKind.Vehicle, Vin = "1ftfw1et5dfc10312" }, ct);
        var bySerial = await officer.ScreenAsync(new ScreenRequest { Kind = AlertKind.Firearm, SerialNumber = "lw 0048213", Make = "Colt" }, ct);
        var byNumber = await officer.ScreenAsync(new ScreenRequest
        {
            Kind = AlertKind.Document,
            Documents = [new IdentityDocument(DocumentType.Passport, "g4812 0377", "MX")],
        }, ct);

        Assert.Equal((truck.Id, Band.Strong), (byPlate.Candidates[0].AlertId, byPlate.Candidates[0].Band));
        Assert.Equal((car.Id, Band.Strong), (byVin.Candidates[0].AlertId, byVin.Candidates[0].Band));
        Assert.Equal((rifle.Id, Band.Strong), (bySerial.Candidates[0].AlertId, bySerial.Candidates[0].Band));
        Assert.Equal((passport.Id, Band.Strong), (byNumber.Candidates[0].AlertId, byNumber.Candidates[0].Band));
        Assert.All([byPlate, byVin, bySerial, byNumber], r => Assert.DoesNotContain(r.Candidates, c => c.Kind == AlertKind.Person));
    }

    [Fact]
    public async Task A_request_with_nothing_to_screen_is_a_problem_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);

        var empty = await Problem.ReadAsync(await officer.PostAsJsonAsync(Screenings.Screen, new ScreenRequest(), PerimeterJson.Options, ct), HttpStatusCode.BadRequest, ct);
        var blank = await Problem.ReadAsync(await officer.PostAsJsonAsync(Screenings.Screen, Screenings.Person("  "), PerimeterJson.Options, ct), HttpStatusCode.BadRequest, ct);
        var noPlate = await Problem.ReadAsync(await officer.PostAsJsonAsync(Screenings.Screen, new ScreenRequest { Kind = AlertKind.Vehicle }, PerimeterJson.Options, ct), HttpStatusCode.BadRequest, ct);
        var nowhere = await Problem.ReadAsync(await officer.PostAsJsonAsync(Screenings.Screen, Screenings.Person("Joaquín Guzmán") with { Nationality = "Atlantis" }, PerimeterJson.Options, ct), HttpStatusCode.BadRequest, ct);
        var tooMany = await Problem.ReadAsync(await officer.PostAsJsonAsync(Screenings.Screen, Screenings.Person("Joaquín Guzmán") with { Top = 51 }, PerimeterJson.Options, ct), HttpStatusCode.BadRequest, ct);

        Assert.NotEmpty(empty.For("name"));
        Assert.NotEmpty(blank.For("name"));
        Assert.NotEmpty(noPlate.For("subject"));
        Assert.NotEmpty(nowhere.For("nationality"));
        Assert.NotEmpty(tooMany.For("top"));
    }

    [Fact]
    public async Task A_nationality_is_taken_as_an_alpha_2_or_alpha_3_code_or_a_country_name_in_English_or_Spanish()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        var alert = await node.PublishAsync(AnAlert.Person().Named("Heriberto", "Lazcano Lazcano", new PartialDate(1974, 12, 25)), ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct, Purposes.CounterNarcotics);

        foreach (var nationality in new[] { "MX", "mex", "Mexico", "México" })
        {
            var screened = await officer.ScreenAsync(Screenings.Person("Heriberto Lazcano") with { Nationality = nationality }, ct);

            var candidate = screened.For(alert);
            Assert.True(candidate is not null, nationality);
            Assert.Contains(candidate.Features, f => (f.Feature, f.Outcome) == ("nationality", "same"));
        }
    }

    [Fact]
    public async Task Screening_without_a_purpose_is_a_problem_naming_the_purpose()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync(Partner, Role.Officer, ct);

        var response = await officer.PostAsJsonAsync(Screenings.Screen, Screenings.Person("Joaquín Guzmán Loera"), PerimeterJson.Options, ct);

        Assert.NotEmpty((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("purpose"));
    }

    [Theory]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Admin)]
    public async Task Auditors_and_admins_may_not_screen(Role role)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var client = await node.ClientAsync(TestNode.Agency, role, ct, Purposes.CounterNarcotics);

        var screen = await client.PostAsJsonAsync(Screenings.Screen, Screenings.Person("Joaquín Guzmán Loera"), PerimeterJson.Options, ct);
        var batch = await client.PostAsync(Screenings.Batch, new StringContent("id,name\n1,Joaquín Guzmán Loera\n", System.Text.Encoding.UTF8, "text/csv"), ct);

        await Problem.ReadAsync(screen, HttpStatusCode.Forbidden, ct);
        await Problem.ReadAsync(batch, HttpStatusCode.Forbidden, ct);
    }
}

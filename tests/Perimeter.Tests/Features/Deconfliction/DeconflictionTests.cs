using System.Net;
using System.Net.Http.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Deconfliction;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Deconfliction;

/// <summary>
/// Two agencies of one node register the targets and events of their operations: where they meet, both are told the
/// other agency and whom to call, and nothing of the other's operation.
/// </summary>
public sealed class DeconflictionTests
{
    private const string Mexican = "mx.fgr";
    private const string MexicanContact = "FGR duty officer +52 55 5346 0000";
    private const string UsContact = "CBP San Diego watch +1 619 652 9966";
    private const string MexicanOperation = "Operación Halcón";
    private const string UsOperation = "Operation Tailwind";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_same_phone_written_two_ways_is_a_conflict_that_names_only_the_other_agency_and_its_contact(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var mexican = await node.ClientAsync(Mexican, Role.Analyst, ct);
        using var american = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);

        // Written the Mexican way, read in Mexico's numbering plan; then the same number in international form.
        var first = await RegisterAsync(mexican, "targets", new { kind = "phone", value = "664 123 4567", operation = MexicanOperation, contact = MexicanContact }, ct);
        Assert.Empty(first.Conflicts);
        var response = await american.PostAsJsonAsync("/api/v1/deconfliction/targets",
            new { kind = "phone", value = "+52 (664) 123-4567", operation = UsOperation, contact = UsContact }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var conflict = Assert.Single(PerimeterJson.Deserialize<Registered>(body).Conflicts);
        Assert.Equal((Mexican, MexicanContact, "phone"), (conflict.OtherAgency, conflict.Contact, conflict.Subject));
        Assert.DoesNotContain(MexicanOperation, body, StringComparison.Ordinal);

        // The first side learns of it too, as its own registration, the other agency and whom to call.
        var seen = await mexican.GetStringAsync("/api/v1/deconfliction/conflicts", ct);
        var told = Assert.Single(PerimeterJson.Deserialize<List<ConflictView>>(seen));
        Assert.Equal((first.Id, TestNode.Agency, UsContact), (told.YourRegistration, told.OtherAgency, told.Contact));
        Assert.DoesNotContain(UsOperation, seen, StringComparison.Ordinal);
        Assert.DoesNotContain("4567", seen, StringComparison.Ordinal);
        var audited = Assert.Single(await node.AuditAsync(AuditAction.DeconflictionConflict, conflict.Id, ct));
        Assert.Equal($"phone: {Mexican} and {TestNode.Agency}", audited.Detail);

        // Each agency reads back its own registrations only, in the compared form.
        var own = await american.GetFromJsonAsync<Registrations>("/api/v1/deconfliction/registrations", PerimeterJson.Options, ct);
        Assert.Equal("+526641234567", Assert.Single(own!.Targets).Value);

        // The same agency registering it again meets only the other agency, not its own first registration; a
        // withdrawn registration meets nothing.
        Assert.Equal([Mexican], (await RegisterAsync(american, "targets", new { kind = "phone", value = "+526641234567", operation = "Tailwind II", contact = UsContact }, ct)).Conflicts
            .Select(c => c.OtherAgency));
        Assert.Equal(HttpStatusCode.NotFound, (await american.DeleteAsync($"/api/v1/deconfliction/registrations/{first.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await mexican.DeleteAsync($"/api/v1/deconfliction/registrations/{first.Id}", ct)).StatusCode);
        Assert.Empty((await RegisterAsync(american, "targets", new { kind = "phone", value = "+52 664 123 4567", operation = "Tailwind III", contact = UsContact }, ct)).Conflicts);
    }

    [Fact]
    public async Task Plates_documents_and_vins_meet_in_their_normal_form()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        using var mexican = await node.ClientAsync(Mexican, Role.Supervisor, ct);
        using var american = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);

        await RegisterAsync(mexican, "targets", new { kind = "plate", value = "AGD-123-C", issuer = "Baja California", operation = MexicanOperation, contact = MexicanContact }, ct);
        await RegisterAsync(mexican, "targets", new { kind = "document", value = "G 1234 5678", issuer = "mx", operation = MexicanOperation, contact = MexicanContact }, ct);
        await RegisterAsync(mexican, "targets", new { kind = "vin", value = "1FTFW1ET5DFC10312", operation = MexicanOperation, contact = MexicanContact }, ct);

        Assert.Single((await RegisterAsync(american, "targets", new { kind = "plate", value = "agd123c", issuer = "MX-BCN", operation = UsOperation, contact = UsContact }, ct)).Conflicts);
        Assert.Empty((await RegisterAsync(american, "targets", new { kind = "plate", value = "AGD123C", issuer = "Sonora", operation = UsOperation, contact = UsContact }, ct)).Conflicts);
        Assert.Single((await RegisterAsync(american, "targets", new { kind = "document", value = "G12345678", issuer = "MX", operation = UsOperation, contact = UsContact }, ct)).Conflicts);
        Assert.Single((await RegisterAsync(american, "targets", new { kind = "vin", value = "1ftfw1et5dfc10312", operation = UsOperation, contact = UsContact }, ct)).Conflicts);
    }

    [Fact]
    public async Task A_person_is_matched_by_the_screening_engine_on_the_same_date_of_birth_and_a_namesake_born_another_day_is_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        using var mexican = await node.ClientAsync(Mexican, Role.Analyst, ct);
        using var american = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        await RegisterAsync(mexican, "targets", new
        {
            kind = "person", givenNames = "José Manuel", surnames = "Núñez Salazar", dateOfBirth = "1980-05-04", operation = MexicanOperation, contact = MexicanContact,
        }, ct);

        Task<Registered> AmericanAsync(string given, string surnames, string born) =>
            RegisterAsync(american, "targets", new { kind = "person", givenNames = given, surnames, dateOfBirth = born, operation = UsOperation, contact = UsContact }, ct);
        Assert.Single((await AmericanAsync("Jose Manuel", "Nunez Salazar", "1980-05-04")).Conflicts);
        Assert.Single((await AmericanAsync("Jose M.", "Nunez", "1980-05-04")).Conflicts);
        Assert.Empty((await AmericanAsync("José Manuel", "Núñez Salazar", "1985-05-04")).Conflicts);
        Assert.Empty((await AmericanAsync("Pedro", "Gómez Ruiz", "1980-05-04")).Conflicts);
    }

    [Fact]
    public async Task Two_planned_events_whose_circles_and_times_overlap_are_a_conflict_and_others_are_not()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        using var mexican = await node.ClientAsync(Mexican, Role.Analyst, ct);
        using var american = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        var starts = new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero);
        // A raid in Tijuana's Zona Norte, 500 m around.
        await RegisterAsync(mexican, "events", new
        {
            kind = "raid", latitude = 32.5335, longitude = -117.0346, radiusMeters = 500, startsAt = starts, endsAt = starts.AddHours(4), operation = MexicanOperation, contact = MexicanContact,
        }, ct);

        Task<Registered> SurveillanceAsync(double latitude, double longitude, DateTimeOffset from) => RegisterAsync(american, "events", new
        {
            kind = "surveillance", latitude, longitude, radiusMeters = 500, startsAt = from, endsAt = from.AddHours(2), operation = UsOperation, contact = UsContact,
        }, ct);
        // About 800 m away (the circles overlap), during the raid.
        Assert.Single((await SurveillanceAsync(32.5405, -117.0330, starts.AddHours(1))).Conflicts);
        // About 3 km away; and at the same place the next day.
        Assert.Empty((await SurveillanceAsync(32.5605, -117.0346, starts.AddHours(1))).Conflicts);
        Assert.Empty((await SurveillanceAsync(32.5335, -117.0346, starts.AddDays(1))).Conflicts);
        Assert.InRange(DeconflictionService.DistanceMeters(32.5335, -117.0346, 32.5405, -117.0330), 770, 800);
    }

    [Fact]
    public async Task Bad_registrations_are_refused_naming_the_field_and_only_analysts_and_supervisors_may_register()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);

        async Task RefusedAsync(string path, object request, string field)
        {
            var problem = await Problem.ReadAsync(await analyst.PostAsJsonAsync($"/api/v1/deconfliction/{path}", request, ct), HttpStatusCode.BadRequest, ct);
            Assert.NotEmpty(problem.For(field));
        }
        await RefusedAsync("targets", new { kind = "phone", value = "12", operation = UsOperation, contact = UsContact }, "value");
        await RefusedAsync("targets", new { kind = "plate", value = "ABC123", operation = UsOperation, contact = UsContact }, "issuer");
        await RefusedAsync("targets", new { kind = "vin", value = "1FTFW1ET5DFC1031", operation = UsOperation, contact = UsContact }, "value");
        await RefusedAsync("targets", new { kind = "email", value = "not an address", operation = UsOperation, contact = UsContact }, "value");
        await RefusedAsync("targets", new { kind = "spaceship", value = "x", operation = UsOperation, contact = UsContact }, "kind");
        await RefusedAsync("targets", new { kind = "person", givenNames = "Ana", surnames = "Ruiz", operation = UsOperation, contact = UsContact }, "dateOfBirth");
        await RefusedAsync("targets", new { kind = "phone", value = "+1 619 652 9966", operation = UsOperation }, "contact");
        await RefusedAsync("targets", new { kind = "phone", value = "+1 619 652 9966", operation = new string('x', 201), contact = UsContact }, "operation");
        var starts = node.Time.GetUtcNow().AddDays(1);
        await RefusedAsync("events", new { kind = "raid", latitude = 32.5, longitude = -117.0, radiusMeters = 100, startsAt = starts, endsAt = starts.AddHours(1), operation = UsOperation, contact = UsContact }, "radiusMeters");
        await RefusedAsync("events", new { kind = "raid", latitude = 95.0, longitude = -117.0, radiusMeters = 500, startsAt = starts, endsAt = starts.AddHours(1), operation = UsOperation, contact = UsContact }, "latitude");
        await RefusedAsync("events", new { kind = "raid", latitude = 32.5, longitude = -117.0, radiusMeters = 500, startsAt = starts, endsAt = starts.AddHours(-1), operation = UsOperation, contact = UsContact }, "endsAt");
        Assert.Empty(await node.AuditAsync(AuditAction.DeconflictionRegistered, null, ct));

        var request = new { kind = "email", value = "ringleader@example.com", operation = UsOperation, contact = UsContact };
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/v1/deconfliction/targets", request, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/deconfliction/conflicts", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await analyst.PostAsJsonAsync("/api/v1/deconfliction/targets", request, ct)).StatusCode);
    }

    private static async Task<Registered> RegisterAsync(HttpClient client, string path, object request, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/deconfliction/{path}", request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return PerimeterJson.Deserialize<Registered>(body);
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Tests.Infrastructure;
using Perimeter.Matching.Evidence;

namespace Perimeter.Tests.Features.Alerts;

/// <summary>An alert's life over the API: publish, read, list, update, retract, extend, and who may do which.</summary>
public sealed class AlertLifecycleTests
{
    private const Purposes Purpose = Purposes.CounterNarcotics;

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_published_alert_reads_back_with_the_same_content_accents_and_ñ_included(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        var content = AnAlert.Person("José María", "Núñez Peña") with
        {
            Narrative = "Visto en Cd. Juárez; señas: cicatriz en la mejilla, apodo «El Niño».",
            Subject = new AlertSubject
            {
                Person = new PersonData
                {
                    Names = [new PersonName("José María", "Núñez Peña"), new PersonName(null, null, "El Niño", NameType.Nickname)],
                    DatesOfBirth = [new PartialDate(1971, 3)],
                    PlaceOfBirth = "Culiacán, Sinaloa",
                    Nationalities = ["MX"],
                    Sex = Sex.Male,
                    Documents = [new IdentityDocument(DocumentType.Curp, "NUPJ710301HSLXXX09", "MX")],
                },
            },
        };

        var response = await analyst.PostAsJsonAsync("/api/v1/alerts", content, PerimeterJson.Options, ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var published = await ReadAsync<AlertView>(response, ct);
        Assert.Equal($"/api/v1/alerts/{published.Id}", response.Headers.Location?.OriginalString);
        var view = await analyst.GetFromJsonAsync<AlertView>(response.Headers.Location, PerimeterJson.Options, ct);
        Assert.NotNull(view);
        Assert.Equal((AlertKind.Person, AlertCategory.WantedForArrest, ActionOnHit.Detain), (view.Kind, view.Category, view.ActionOnHit));
        Assert.Equal((TestNode.Agency, 1, AlertStatus.Active), (view.Originator, view.Version, view.Status));
        Assert.Equal(content.Narrative, view.Narrative);
        Assert.Equal(content.ExternalRef, view.ExternalRef);
        Assert.Equal("José María Núñez Peña", view.DisplayName);
        Assert.Equal(PerimeterJson.Serialize(content.Subject), PerimeterJson.Serialize(view.Subject));
        // Without a review-by date the category's period applies: 36 months for wanted persons.
        var reviewBy = new DateOnly(2029, 11, 29);
        Assert.Equal(PerimeterJson.Serialize(content.Markings with { ReviewBy = reviewBy }), PerimeterJson.Serialize(view.Markings));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_list_filters_by_kind_category_tlp_and_text_without_accents_and_pages_with_a_total(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        var nunez = await us.PublishAsync(AnAlert.Person("Ramón", "Núñez Gallardo"), ct);
        var nunezGreen = await us.PublishAsync(AnAlert.Person("Inés", "Núñez").WithMarkings(m => m with { Tlp = Tlp.Green }), ct);
        var other = await us.PublishAsync(AnAlert.Person("Carlos", "Ibáñez") with { Category = AlertCategory.DiscreetCheck }, ct);
        var vehicle = await us.PublishAsync(AnAlert.Vehicle("BCN-4411"), ct);

        Assert.Equal(Ids(nunez, nunezGreen), await IdsAsync(analyst, "q=nunez", ct));
        Assert.Equal(Ids(nunez, nunezGreen), await IdsAsync(analyst, "q=N%C3%9A%C3%91EZ", ct));
        Assert.Equal([vehicle.Id], await IdsAsync(analyst, "kind=vehicle", ct));
        Assert.Equal([other.Id], await IdsAsync(analyst, "category=discreet-check", ct));
        Assert.Equal([nunezGreen.Id], await IdsAsync(analyst, "tlp=GREEN", ct));
        Assert.Equal([nunez.Id], await IdsAsync(analyst, "kind=person&category=wanted-for-arrest&tlp=AMBER&q=ramon", ct));

        var first = await analyst.GetFromJsonAsync<Paged<AlertSummary>>("/api/v1/alerts?pageSize=3&page=1", PerimeterJson.Options, ct);
        var second = await analyst.GetFromJsonAsync<Paged<AlertSummary>>("/api/v1/alerts?pageSize=3&page=2", PerimeterJson.Options, ct);
        Assert.Equal((3, 4), (first!.Items.Count, first.Total));
        Assert.Equal((1, 4), (second!.Items.Count, second.Total));
        Assert.Equal(Ids(nunez, nunezGreen, other, vehicle), [.. first.Items.Concat(second.Items).Select(a => a.Id).Order()]);

        var tooBig = await Problem.ReadAsync(await analyst.GetAsync("/api/v1/alerts?pageSize=201", ct), HttpStatusCode.BadRequest, ct);
        Assert.Contains("200", Assert.Single(tooBig.For("pageSize")), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_update_makes_version_2_and_the_history_keeps_both_versions_with_their_content(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        var content = AnAlert.Person();
        var alert = await us.PublishAsync(content, ct);

        var response = await PutAsync(analyst, alert.Id, content with { Narrative = "Seen in Nogales." }, "\"1\"", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await ReadAsync<AlertView>(response, ct)).Version);
        var history = await analyst.GetFromJsonAsync<List<AlertVersionView>>($"/api/v1/alerts/{alert.Id}/versions", PerimeterJson.Options, ct);
        Assert.Equal([(1, AlertChangeKind.Published, "Test subject."), (2, AlertChangeKind.Updated, "Seen in Nogales.")],
            history!.Select(v => (v.Version, v.Change, v.Content?.Narrative)));
        Assert.All(history!, v => Assert.Equal("Joaquín Guzmán Loera", v.Content!.Subject.Person!.Names[0].Display));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_update_with_a_stale_If_Match_is_a_conflict_and_changes_nothing(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        var content = AnAlert.Person();
        var alert = await us.PublishAsync(content, ct);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(analyst, alert.Id, content with { Narrative = "First edit." }, "\"1\"", ct)).StatusCode);

        var stale = await PutAsync(analyst, alert.Id, content with { Narrative = "Second edit, from version 1." }, "\"1\"", ct);

        var problem = await Problem.ReadAsync(stale, HttpStatusCode.Conflict, ct);
        Assert.Contains("2", problem.Detail, StringComparison.Ordinal);
        var view = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal((2, "First edit."), (view!.Version, view.Narrative));
        Assert.Equal(2, await VersionsStoredAsync(us, alert.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_kind_of_an_alert_cannot_change_on_update(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        var alert = await us.PublishAsync(AnAlert.Person(), ct);

        var response = await PutAsync(analyst, alert.Id, AnAlert.Vehicle(), null, ct);

        Assert.Single((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("kind"));
        var view = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal((AlertKind.Person, 1), (view!.Kind, view.Version));
        Assert.Equal(1, await VersionsStoredAsync(us, alert.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Importing_an_entry_again_leaves_an_alert_retracted_here_retracted_and_counts_it(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        var listed = AnAlert.Person();
        var kept = AnAlert.Person("Ismael", "Zambada García");
        var alert = await us.PublishAsync(listed, ct);
        await us.PublishAsync(kept, ct);
        (await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new { justification = "Wrong person: cleared by the court." }, ct)).EnsureSuccessStatusCode();

        await using var scope = us.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AlertWriter>().ImportAsync([listed, kept], "ofac", Caller.Operator(TestNode.Agency), ct);

        Assert.Equal((0, 0, 1, 1), (result.Created, result.Updated, result.Unchanged, result.LeftRetracted));
        var own = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal((AlertStatus.Retracted, 2), (own!.Status, own.Version));
        var import = Assert.Single(await us.AuditAsync(AuditAction.Import, null, ct));
        Assert.EndsWith("left-retracted=1", import.Detail, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Retracting_needs_a_justification_then_hides_the_alert_from_everyone_but_its_originator(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        using var mexico = await us.ClientAsync("mx.inm", Role.Analyst, ct, Purpose);
        var alert = await us.PublishAsync(AnAlert.Person(), ct);
        Assert.Equal([alert.Id], await IdsAsync(mexico, "", ct));

        var unjustified = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new { }, ct);
        Assert.Single((await Problem.ReadAsync(unjustified, HttpStatusCode.BadRequest, ct)).For("justification"));
        Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);

        var retracted = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new { justification = "Arrested in Sinaloa." }, ct);

        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        var view = await ReadAsync<AlertView>(retracted, ct);
        Assert.Equal((AlertStatus.Retracted, 2), (view.Status, view.Version));
        await Problem.ReadAsync(await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct), HttpStatusCode.NotFound, ct);
        Assert.Empty(await IdsAsync(mexico, "", ct));
        Assert.Empty(await IdsAsync(mexico, "status=retracted", ct));
        Assert.Empty(await IdsAsync(analyst, "", ct));
        Assert.Equal([alert.Id], await IdsAsync(analyst, "status=retracted", ct));
        var own = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal(AlertStatus.Retracted, own!.Status);
        var history = await analyst.GetFromJsonAsync<List<AlertVersionView>>($"/api/v1/alerts/{alert.Id}/versions", PerimeterJson.Options, ct);
        Assert.Equal([(1, AlertChangeKind.Published, null), (2, AlertChangeKind.Retracted, "Arrested in Sinaloa.")],
            history!.Select(h => (h.Version, h.Change, h.Justification)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Extending_needs_a_justification_and_moves_review_by_no_further_than_allowed(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var analyst = await us.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purpose);
        var alert = await us.PublishAsync(AnAlert.Person(), ct);
        var url = $"/api/v1/alerts/{alert.Id}/extend";

        var unjustified = await analyst.PostAsJsonAsync(url, new { reviewBy = "2030-06-01" }, ct);
        Assert.Single((await Problem.ReadAsync(unjustified, HttpStatusCode.BadRequest, ct)).For("justification"));
        // The node's clock reads 2026-11-29 and MaxReviewMonths is 60: 2031-11-29 at the latest.
        var tooFar = await analyst.PostAsJsonAsync(url, new { reviewBy = "2031-11-30", justification = "Still wanted." }, ct);
        Assert.Contains("60", Assert.Single((await Problem.ReadAsync(tooFar, HttpStatusCode.BadRequest, ct)).For("reviewBy")), StringComparison.Ordinal);
        Assert.Equal(1, await VersionsStoredAsync(us, alert.Id, ct));

        var extended = await analyst.PostAsJsonAsync(url, new { reviewBy = "2031-11-29", justification = "Still wanted." }, ct);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        var view = await ReadAsync<AlertView>(extended, ct);
        Assert.Equal((new DateOnly(2031, 11, 29), 2), (view.Markings.ReviewBy, view.Version));
        var history = await analyst.GetFromJsonAsync<List<AlertVersionView>>($"/api/v1/alerts/{alert.Id}/versions", PerimeterJson.Options, ct);
        Assert.Equal((AlertChangeKind.Extended, "Still wanted."), (history![^1].Change, history[^1].Justification));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_officer_cannot_publish_and_the_refusal_is_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var officer = await us.ClientAsync(TestNode.Agency, Role.Officer, ct, Purpose);

        var response = await officer.PostAsJsonAsync("/api/v1/alerts", AnAlert.Person(), PerimeterJson.Options, ct);

        await Problem.ReadAsync(response, HttpStatusCode.Forbidden, ct);
        var denied = Assert.Single(await us.AuditAsync(AuditAction.Denied, null, ct));
        Assert.Equal((AuditOutcome.Denied, TestNode.Agency, "Officer"), (denied.Outcome, denied.Agency, denied.Roles));
        await using var db = us.Database.Open();
        Assert.Equal(0, await db.Alerts.CountAsync(ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_analyst_of_an_agency_that_cannot_see_an_alert_cannot_change_it_and_learns_nothing(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var guatemala = await us.ClientAsync("gt.igm", Role.Analyst, ct, Purpose);
        var content = AnAlert.Person();
        var alert = await us.PublishAsync(content, ct);

        var update = await PutAsync(guatemala, alert.Id, content with { Narrative = "Not yours." }, null, ct);
        var retract = await guatemala.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new { justification = "Not yours." }, ct);
        var extend = await guatemala.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/extend", new { justification = "Not yours." }, ct);
        var missing = await PutAsync(guatemala, Guid.NewGuid(), content, null, ct);

        foreach (var response in new[] { update, retract, extend, missing })
            await Problem.ReadAsync(response, HttpStatusCode.NotFound, ct);
        await AssertUnchangedAsync(us, alert, ct);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_analyst_of_an_agency_that_can_see_an_alert_still_cannot_change_it(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await TestNode.StartAsync(database, ct);
        using var mexico = await us.ClientAsync("mx.inm", Role.Analyst, ct, Purpose);
        var content = AnAlert.Person();
        var alert = await us.PublishAsync(content, ct);

        var update = await PutAsync(mexico, alert.Id, content with { Narrative = "Not yours." }, null, ct);
        var retract = await mexico.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new { justification = "Not yours." }, ct);
        var extend = await mexico.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/extend", new { justification = "Not yours." }, ct);

        foreach (var response in new[] { update, retract, extend })
            await Problem.ReadAsync(response, HttpStatusCode.Forbidden, ct);
        await AssertUnchangedAsync(us, alert, ct);
        Assert.Equal([AuditOutcome.Denied], (await us.AuditAsync(AuditAction.Update, alert.Id, ct)).Select(r => r.Outcome));
        Assert.Equal([AuditOutcome.Denied], (await us.AuditAsync(AuditAction.Retract, alert.Id, ct)).Select(r => r.Outcome));
    }

    private static async Task AssertUnchangedAsync(TestNode node, AlertView published, CancellationToken ct)
    {
        await using var db = node.Database.Open();
        var stored = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == published.Id, ct);
        Assert.Equal((1, AlertStatus.Active, published.Narrative, published.Markings.ReviewBy),
            (stored.Version, stored.Status, stored.Narrative, (DateOnly?)stored.ReviewBy));
        Assert.Equal(1, await db.AlertVersions.CountAsync(v => v.AlertId == published.Id, ct));
    }

    private static async Task<int> VersionsStoredAsync(TestNode node, Guid id, CancellationToken ct)
    {
        await using var db = node.Database.Open();
        return await db.AlertVersions.CountAsync(v => v.AlertId == id, ct);
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query, CancellationToken ct)
    {
        var page = await client.GetFromJsonAsync<Paged<AlertSummary>>($"/api/v1/alerts?{query}", PerimeterJson.Options, ct);
        Assert.Equal(page!.Items.Count, page.Total);
        return [.. page.Items.Select(a => a.Id).Order()];
    }

    private static List<Guid> Ids(params AlertView[] alerts) => [.. alerts.Select(a => a.Id).Order()];

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, AlertContent content, string? ifMatch, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/alerts/{id}") { Content = JsonContent.Create(content, options: PerimeterJson.Options) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        await response.Content.ReadFromJsonAsync<T>(PerimeterJson.Options, ct) ?? throw new InvalidOperationException("empty body");
}

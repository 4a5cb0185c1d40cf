using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Retention;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Retention;

// The node's own retention service also runs whenever the fake clock passes its interval, so every
// step here has to hold however many times, and by whichever runner, the job runs.
public sealed class RetentionTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Analysts_are_warned_once_when_the_review_by_date_comes_within_the_warning_window(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NodeJobs.DailyRetention());
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var reviewBy = Today(node).AddDays(200);
        var alert = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReviewBy = reviewBy }), ct);

        await node.RunRetentionAsync(ct);
        node.Time.Advance(TimeSpan.FromDays(79));
        await node.RunRetentionAsync(ct);
        Assert.Empty(await node.AuditAsync(AuditAction.ReviewWarned, alert.Id, ct));
        Assert.Empty(await NotificationsAsync(analyst, ct));

        node.Time.Advance(TimeSpan.FromDays(1));
        await node.RunRetentionAsync(ct);
        await node.RunRetentionAsync(ct);

        Assert.Equal(120, reviewBy.DayNumber - Today(node).DayNumber);
        var warned = Assert.Single(await node.AuditAsync(AuditAction.ReviewWarned, alert.Id, ct));
        Assert.Equal((ActorKind.System, $"review-by {reviewBy:yyyy-MM-dd}"), (warned.ActorKind, warned.Detail));
        var notice = Assert.Single(await NotificationsAsync(analyst, ct));
        Assert.Equal((NotificationKind.ReviewDue, alert.Id, reviewBy), (notice.Kind, notice.AlertId, notice.DueOn));
        var view = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal((AlertStatus.Active, alert.Version), (view!.Status, view.Version));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Extending_with_a_justification_moves_the_date_keeps_the_reason_in_the_versions_and_resets_the_warning(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NodeJobs.DailyRetention());
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var alert = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReviewBy = Today(node).AddDays(100) }), ct);
        await node.RunRetentionAsync(ct);
        Assert.Single(await node.AuditAsync(AuditAction.ReviewWarned, alert.Id, ct));
        var later = Today(node).AddDays(110);

        var extend = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/extend",
            new ExtendRequest("Arrest warrant renewed by the district court.", later), PerimeterJson.Options, ct);

        Assert.Equal(HttpStatusCode.OK, extend.StatusCode);
        var extended = (await extend.Content.ReadFromJsonAsync<AlertView>(PerimeterJson.Options, ct))!;
        Assert.Equal((later, alert.Version + 1), (extended.Markings.ReviewBy, extended.Version));
        var versions = (await analyst.GetFromJsonAsync<List<AlertVersionView>>($"/api/v1/alerts/{alert.Id}/versions", PerimeterJson.Options, ct))!;
        Assert.Equal([AlertChangeKind.Published, AlertChangeKind.Extended], versions.Select(v => v.Change));
        Assert.Equal("Arrest warrant renewed by the district court.", versions[^1].Justification);
        Assert.Equal(later, versions[^1].Content!.Markings.ReviewBy);
        Assert.Equal(alert.Markings.ReviewBy, versions[0].Content!.Markings.ReviewBy);
        Assert.Equal($"version {extended.Version} review-by {later:yyyy-MM-dd}", Assert.Single(await node.AuditAsync(AuditAction.Extend, alert.Id, ct)).Detail);

        Assert.Empty(await NotificationsAsync(analyst, ct));
        await node.RunRetentionAsync(ct);
        var warnings = await node.AuditAsync(AuditAction.ReviewWarned, alert.Id, ct);
        Assert.Equal(2, warnings.Count);
        Assert.Equal($"review-by {later:yyyy-MM-dd}", warnings[^1].Detail);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Extending_without_a_justification_is_refused_naming_it_and_changes_nothing(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NodeJobs.DailyRetention());
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var alert = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReviewBy = Today(node).AddDays(100) }), ct);

        foreach (var justification in new[] { null, "", "   " })
        {
            var extend = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/extend",
                new ExtendRequest(justification, Today(node).AddDays(300)), PerimeterJson.Options, ct);
            Assert.Equal(["justification"], await Accounts.ErrorFieldsAsync(extend, ct));
        }

        var view = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal((alert.Version, alert.Markings.ReviewBy), (view!.Version, view.Markings.ReviewBy));
        Assert.Empty(await node.AuditAsync(AuditAction.Extend, alert.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_expired_alert_the_source_lists_again_is_active_again_with_a_review_date_ahead(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NodeJobs.DailyRetention());
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var listed = AnAlert.Person();
        var alert = await node.PublishAsync(listed.WithMarkings(m => m with { ReviewBy = Today(node).AddDays(30) }), ct);
        node.Time.Advance(TimeSpan.FromDays(30));
        await node.RunRetentionAsync(ct);
        Assert.Equal(AlertStatus.Expired, (await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct))!.Status);

        await using (var scope = node.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AlertWriter>().ImportAsync([listed with { Markings = listed.Markings with { ReviewBy = null } }],
                "ofac", Caller.Operator(TestNode.Agency), ct);
        await node.RunRetentionAsync(ct);

        var view = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal(AlertStatus.Active, view!.Status);
        Assert.True(view.Markings.ReviewBy > Today(node), $"review by {view.Markings.ReviewBy}, today {Today(node)}");
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_alert_not_extended_expires_on_its_review_by_date_for_partners_but_not_for_its_originator(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NodeJobs.DailyRetention());
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var mexico = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var reviewBy = Today(node).AddDays(30);
        var alert = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReviewBy = reviewBy }), ct);
        Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);

        node.Time.Advance(TimeSpan.FromDays(29));
        await node.RunRetentionAsync(ct);
        Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);
        Assert.Empty(await node.AuditAsync(AuditAction.Expired, alert.Id, ct));

        node.Time.Advance(TimeSpan.FromDays(1));
        await node.RunRetentionAsync(ct);
        await node.RunRetentionAsync(ct);

        Assert.Equal(reviewBy, Today(node));
        await Accounts.AssertProblemAsync(await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct), HttpStatusCode.NotFound, ct);
        Assert.DoesNotContain(await ListAsync(mexico, "", ct), a => a.Id == alert.Id);
        Assert.DoesNotContain(await ListAsync(analyst, "", ct), a => a.Id == alert.Id);
        Assert.Contains(await ListAsync(analyst, "?status=expired", ct), a => a.Id == alert.Id);
        var view = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal(AlertStatus.Expired, view!.Status);
        Assert.Equal("Joaquín Guzmán Loera", view.DisplayName);
        var expired = Assert.Single(await node.AuditAsync(AuditAction.Expired, alert.Id, ct));
        Assert.Equal(ActorKind.System, expired.ActorKind);
        var versions = (await analyst.GetFromJsonAsync<List<AlertVersionView>>($"/api/v1/alerts/{alert.Id}/versions", PerimeterJson.Options, ct))!;
        Assert.Equal([AlertChangeKind.Published, AlertChangeKind.Expired], versions.Select(v => v.Change));
        Assert.Contains(await NotificationsAsync(analyst, ct), n => n.Kind == NotificationKind.Expired && n.AlertId == alert.Id);
        var extend = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/extend", new ExtendRequest("too late", reviewBy.AddDays(30)), PerimeterJson.Options, ct);
        await Accounts.AssertProblemAsync(extend, HttpStatusCode.Conflict, ct);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Personal_data_of_an_expired_alert_is_deleted_after_the_grace_period(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NodeJobs.DailyRetention());
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var alert = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReviewBy = Today(node).AddDays(1) }), ct);
        node.Time.Advance(TimeSpan.FromDays(1));
        await node.RunRetentionAsync(ct);
        node.Time.Advance(TimeSpan.FromDays(90) - TimeSpan.FromMinutes(1));
        await node.RunRetentionAsync(ct);
        var kept = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal((AlertStatus.Expired, "Test subject."), (kept!.Status, kept.Narrative));

        node.Time.Advance(TimeSpan.FromMinutes(1));
        await node.RunRetentionAsync(ct);
        await node.RunRetentionAsync(ct);

        var purged = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal(AlertStatus.Purged, purged!.Status);
        Assert.Null(purged.Subject);
        Assert.Null(purged.Narrative);
        Assert.Null(purged.DisplayName);
        var versions = (await analyst.GetFromJsonAsync<List<AlertVersionView>>($"/api/v1/alerts/{alert.Id}/versions", PerimeterJson.Options, ct))!;
        Assert.Equal([AlertChangeKind.Published, AlertChangeKind.Expired, AlertChangeKind.Purged], versions.Select(v => v.Change));
        Assert.All(versions, v => Assert.Null(v.Content));
        Assert.Equal("personal data deleted", Assert.Single(await node.AuditAsync(AuditAction.Purged, alert.Id, ct)).Detail);
        await using var db = node.Database.Open();
        var row = await db.Alerts.AsNoTracking().SingleAsync(a => a.Id == alert.Id, ct);
        Assert.Null(row.SubjectJson);
        Assert.Null(row.Narrative);
        Assert.Null(row.DisplayName);
        Assert.Null(row.SearchText);
        Assert.DoesNotContain(await db.AlertVersions.Where(v => v.AlertId == alert.Id).Select(v => v.ContentJson).ToListAsync(ct), c => c is not null);
        Assert.Empty(await ListAsync(analyst, "?q=guzman&status=purged", ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Personal_data_of_a_retracted_alert_is_deleted_after_the_grace_period(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NodeJobs.DailyRetention());
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var alert = await node.PublishAsync(AnAlert.Person(), ct);
        var retract = await analyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new RetractRequest("Subject identified as someone else."), PerimeterJson.Options, ct);
        Assert.Equal(HttpStatusCode.OK, retract.StatusCode);

        node.Time.Advance(TimeSpan.FromDays(89));
        await node.RunRetentionAsync(ct);
        Assert.Empty(await node.AuditAsync(AuditAction.Purged, alert.Id, ct));
        node.Time.Advance(TimeSpan.FromDays(1));
        await node.RunRetentionAsync(ct);

        var purged = await analyst.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal(AlertStatus.Purged, purged!.Status);
        Assert.Null(purged.Subject);
        Assert.Single(await node.AuditAsync(AuditAction.Purged, alert.Id, ct));
    }

    private static DateOnly Today(TestNode node) => DateOnly.FromDateTime(node.Time.GetUtcNow().UtcDateTime);

    private static async Task<List<NotificationView>> NotificationsAsync(HttpClient analyst, CancellationToken ct) =>
        (await analyst.GetFromJsonAsync<List<NotificationView>>("/api/v1/notifications", PerimeterJson.Options, ct))!;

    private static async Task<IReadOnlyList<AlertSummary>> ListAsync(HttpClient client, string query, CancellationToken ct) =>
        (await client.GetFromJsonAsync<Paged<AlertSummary>>($"/api/v1/alerts{query}", PerimeterJson.Options, ct))!.Items;
}

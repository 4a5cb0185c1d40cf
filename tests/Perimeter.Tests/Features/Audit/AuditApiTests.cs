using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Users;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Audit;

public sealed class AuditApiTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_publish_read_search_and_sign_in_writes_one_record_of_who_for_what_and_from_where(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        using var mexico = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);
        var user = await node.AddUserAsync(Role.Supervisor, ct);
        var analystId = await ActorIdAsync(analyst, ct);
        var mexicoId = await ActorIdAsync(mexico, ct);
        var before = (await PageAsync(auditor, "", ct)).Total;

        var published = await analyst.PostAsJsonAsync("/api/v1/alerts", AnAlert.Person(), PerimeterJson.Options, ct);
        var alert = (await published.Content.ReadFromJsonAsync<AlertView>(PerimeterJson.Options, ct))!;
        Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync("/api/v1/alerts?q=guzman", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await node.Browser().SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await node.Browser().SignInAsync(user.UserName, "wrong passphrase!", ct)).StatusCode);

        var log = await PageAsync(auditor, "?pageSize=200", ct);
        // Newest first; the one before them is the auditor's own read that counted `before`.
        var records = log.Items.Where(r => r.Sequence > before + 1).OrderBy(r => r.Sequence).ToList();
        Assert.Equal([AuditAction.Publish, AuditAction.Read, AuditAction.Search, AuditAction.SignIn, AuditAction.SignInFailed],
            records.Select(r => r.Action));
        Assert.All(records, r => Assert.Equal("127.0.0.1", r.RemoteAddress));
        var (publish, read, search, signIn, failed) = (records[0], records[1], records[2], records[3], records[4]);
        Assert.Equal((ActorKind.Token, analystId, "us.cbp", "Analyst", null, AuditOutcome.Allowed, alert.Id.ToString()),
            (publish.ActorKind, publish.ActorId, publish.Agency, publish.Roles, publish.Purpose, publish.Outcome, publish.TargetIds));
        Assert.Equal((ActorKind.Token, mexicoId, "mx.inm", "Officer", "counter-narcotics", AuditOutcome.Allowed, alert.Id.ToString()),
            (read.ActorKind, read.ActorId, read.Agency, read.Roles, read.Purpose, read.Outcome, read.TargetIds));
        Assert.Equal((mexicoId, "mx.inm", "counter-narcotics", alert.Id.ToString()), (search.ActorId, search.Agency, search.Purpose, search.TargetIds));
        Assert.DoesNotContain("guzman", search.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((ActorKind.User, user.Id.ToString(), "us.cbp", AuditOutcome.Allowed, user.Id.ToString()),
            (signIn.ActorKind, signIn.ActorId, signIn.Agency, signIn.Outcome, signIn.TargetIds));
        Assert.Equal((user.Id.ToString(), AuditOutcome.Denied, "wrong-password", user.Id.ToString()),
            (failed.ActorId, failed.Outcome, failed.Detail, failed.TargetIds));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_auditor_pages_through_the_log_newest_first(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);
        for (var i = 0; i < 7; i++)
            await node.Browser().SignInAsync($"nobody-{i}", Accounts.Password, ct);

        var second = await PageAsync(auditor, "?action=sign-in-failed&page=2&pageSize=3", ct);
        var third = await PageAsync(auditor, "?action=sign-in-failed&page=3&pageSize=3", ct);
        var beyond = await PageAsync(auditor, "?action=sign-in-failed&page=4&pageSize=3", ct);
        var all = await PageAsync(auditor, "?action=sign-in-failed", ct);

        Assert.Equal((2, 3, 7), (second.PageNumber, second.PageSize, second.Total));
        Assert.Equal(all.Items.Skip(3).Take(3).Select(r => r.Sequence), second.Items.Select(r => r.Sequence));
        Assert.Equal(all.Items[^1].Sequence, Assert.Single(third.Items).Sequence);
        Assert.Empty(beyond.Items);
        Assert.Equal(7, all.Items.Count);
        Assert.True(all.Items.Zip(all.Items.Skip(1)).All(pair => pair.First.Sequence > pair.Second.Sequence));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task The_auditor_filters_by_actor_agency_action_outcome_target_and_time(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);
        using var mexico = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var mexicoId = await ActorIdAsync(mexico, ct);
        var alert = await node.PublishAsync(AnAlert.Person(), ct);
        node.Time.Advance(TimeSpan.FromHours(1));
        var readAt = node.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await mexico.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mexico.GetAsync($"/api/v1/alerts/{Guid.NewGuid()}", ct)).StatusCode);
        node.Time.Advance(TimeSpan.FromHours(1));
        await node.Browser().SignInAsync("nobody", Accounts.Password, ct);

        Assert.Equal([AuditAction.ReadDenied, AuditAction.Read], await ActionsAsync(auditor, $"?actor={mexicoId}", ct));
        Assert.Equal([AuditAction.ReadDenied, AuditAction.Read], await ActionsAsync(auditor, "?agency=mx.inm", ct));
        Assert.Equal([AuditAction.Read], await ActionsAsync(auditor, "?action=read", ct));
        Assert.Equal([AuditAction.Read], await ActionsAsync(auditor, "?action=Read&agency=mx.inm", ct));
        Assert.Equal([AuditAction.SignInFailed, AuditAction.ReadDenied], await ActionsAsync(auditor, "?outcome=denied", ct));
        Assert.Equal([AuditAction.Read, AuditAction.Publish], await ActionsAsync(auditor, $"?targetId={alert.Id}", ct));
        Assert.Equal([AuditAction.ReadDenied, AuditAction.Read],
            await ActionsAsync(auditor, $"?from={Escape(readAt)}&to={Escape(readAt.AddHours(1))}", ct));
        Assert.Empty(await ActionsAsync(auditor, $"?to={Escape(readAt.AddHours(-2))}", ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_filters_and_page_sizes_are_refused_naming_the_field(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);

        Assert.Equal(["action"], await Accounts.ErrorFieldsAsync(await auditor.GetAsync("/api/v1/audit?action=delete-everything", ct), ct));
        Assert.Equal(["outcome"], await Accounts.ErrorFieldsAsync(await auditor.GetAsync("/api/v1/audit?outcome=maybe", ct), ct));
        Assert.Equal(["page"], await Accounts.ErrorFieldsAsync(await auditor.GetAsync("/api/v1/audit?page=0", ct), ct));
        Assert.Equal(["pageSize"], await Accounts.ErrorFieldsAsync(await auditor.GetAsync("/api/v1/audit?pageSize=201", ct), ct));
        Assert.Empty(await node.AuditAsync(AuditAction.AuditRead, null, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reading_and_verifying_the_log_are_themselves_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);
        var auditorId = await ActorIdAsync(auditor, ct);

        var page = await PageAsync(auditor, "?page=1&pageSize=10", ct);
        var check = await VerifyAsync(auditor, ct);

        var read = Assert.Single(await node.AuditAsync(AuditAction.AuditRead, null, ct));
        Assert.Equal((auditorId, "Auditor", "127.0.0.1", $"page=1 total={page.Total}"), (read.ActorId, read.Roles, read.RemoteAddress, read.Detail));
        var verified = Assert.Single(await node.AuditAsync(AuditAction.AuditVerified, null, ct));
        Assert.Equal((auditorId, AuditOutcome.Allowed, $"intact count={check.Count}"), (verified.ActorId, verified.Outcome, verified.Detail));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Verify_says_intact_and_after_an_edit_names_the_edited_record(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);
        await node.PublishAsync(AnAlert.Person(), ct);
        await node.Browser().SignInAsync("nobody", Accounts.Password, ct);

        var intact = await VerifyAsync(auditor, ct);
        var publish = Assert.Single(await node.AuditAsync(AuditAction.Publish, null, ct));
        await node.Database.ExecuteSqlAsync($"""UPDATE audit_records SET "ActorId" = 'someone-else' WHERE "Sequence" = {publish.Sequence}""", ct);
        var broken = await VerifyAsync(auditor, ct);

        Assert.True(intact.IsIntact);
        Assert.Null(intact.FirstBrokenLink);
        Assert.True(intact.Count >= publish.Sequence + 1);
        Assert.False(broken.IsIntact);
        Assert.Equal(publish.Sequence, broken.FirstBrokenLink!.Sequence);
        Assert.Contains("edited", broken.FirstBrokenLink.Reason, StringComparison.Ordinal);
        Assert.Equal(publish.Sequence - 1, broken.Count);
        var verified = await node.AuditAsync(AuditAction.AuditVerified, null, ct);
        Assert.Equal([AuditOutcome.Allowed, AuditOutcome.Failed], verified.Select(r => r.Outcome));
        Assert.Equal($"broken-at={publish.Sequence}", verified[^1].Detail);

        // The reason is told in the auditor's language.
        using var spanishAuditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);
        spanishAuditor.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("es"));
        Assert.Contains("el registro fue editado", (await VerifyAsync(spanishAuditor, ct)).FirstBrokenLink!.Reason, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Officers_and_analysts_may_not_read_or_verify_the_log_and_each_refusal_is_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);

        foreach (var client in new[] { officer, analyst })
        {
            await Accounts.AssertProblemAsync(await client.GetAsync("/api/v1/audit", ct), HttpStatusCode.Forbidden, ct);
            await Accounts.AssertProblemAsync(await client.PostAsync("/api/v1/audit/verify", null, ct), HttpStatusCode.Forbidden, ct);
        }

        var denied = await node.AuditAsync(AuditAction.Denied, null, ct);
        Assert.Equal(["Officer", "Officer", "Analyst", "Analyst"], denied.Select(r => r.Roles));
        Assert.Equal(["GET /api/v1/audit", "POST /api/v1/audit/verify", "GET /api/v1/audit", "POST /api/v1/audit/verify"], denied.Select(r => r.Detail));
        Assert.All(denied, r => Assert.Equal(AuditOutcome.Denied, r.Outcome));
        Assert.Empty(await node.AuditAsync(AuditAction.AuditRead, null, ct));
        Assert.Empty(await node.AuditAsync(AuditAction.AuditVerified, null, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_partner_agency_auditor_may_not_read_or_verify_this_node_log(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var partnerAuditor = await node.ClientAsync("mx.inm", Role.Auditor, ct);

        await Accounts.AssertProblemAsync(await partnerAuditor.GetAsync("/api/v1/audit", ct), HttpStatusCode.Forbidden, ct);
        await Accounts.AssertProblemAsync(await partnerAuditor.PostAsync("/api/v1/audit/verify", null, ct), HttpStatusCode.Forbidden, ct);

        Assert.Equal(2, (await node.AuditAsync(AuditAction.Denied, null, ct)).Count);
        Assert.Empty(await node.AuditAsync(AuditAction.AuditRead, null, ct));
    }

    private static async Task<Paged<AuditRecordView>> PageAsync(HttpClient auditor, string query, CancellationToken ct) =>
        (await auditor.GetFromJsonAsync<Paged<AuditRecordView>>($"/api/v1/audit{query}", PerimeterJson.Options, ct))!;

    private static async Task<IReadOnlyList<AuditAction>> ActionsAsync(HttpClient auditor, string query, CancellationToken ct) =>
        [.. (await PageAsync(auditor, query, ct)).Items.Select(r => r.Action)];

    private static async Task<ChainCheck> VerifyAsync(HttpClient auditor, CancellationToken ct)
    {
        var response = await auditor.PostAsync("/api/v1/audit/verify", null, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ChainCheck>(PerimeterJson.Options, ct))!;
    }

    private static async Task<string> ActorIdAsync(HttpClient client, CancellationToken ct) =>
        (await client.GetFromJsonAsync<SessionView>("/api/v1/session", PerimeterJson.Options, ct))!.ActorId;

    private static string Escape(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));
}

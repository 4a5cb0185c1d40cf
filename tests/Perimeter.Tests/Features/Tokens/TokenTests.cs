using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Tokens;
using Perimeter.Features.Users;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Tokens;

public sealed class TokenTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_an_admin_creates_works_as_a_bearer_secret_that_no_listing_shows(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);

        var created = await CreateAsync(admin, new NewToken("lane 3, San Ysidro", TestNode.Agency, "officer", 30), ct);
        using var lane = node.Bearer(created.Secret, Purposes.CounterNarcotics);

        var session = await lane.GetFromJsonAsync<SessionView>("/api/v1/session", PerimeterJson.Options, ct);
        Assert.Equal($"token:{created.Token.Id}", session!.ActorId);
        Assert.Equal(TestNode.Agency, session.Agency);
        Assert.Equal([Role.Officer], session.Roles);
        Assert.Equal(HttpStatusCode.OK, (await lane.GetAsync("/api/v1/alerts", ct)).StatusCode);
        var listing = await admin.GetStringAsync("/api/v1/tokens", ct);
        string storedHash;
        await using (var db = node.Database.Open())
            storedHash = await db.ApiTokens.Where(t => t.Id == created.Token.Id).Select(t => t.SecretHash).SingleAsync(ct);
        Assert.Contains(created.Token.Id.ToString(), listing, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret.Split('_')[^1], listing, StringComparison.Ordinal);
        Assert.DoesNotContain(storedHash, listing, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", listing, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(created.Secret.Split('_')[^1], storedHash, StringComparison.Ordinal);
        Assert.Single(await node.AuditAsync(AuditAction.TokenCreated, created.Token.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_revoked_token_is_refused_at_its_very_next_call_and_the_refusal_is_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        var created = await CreateAsync(admin, new NewToken("lane 4", TestNode.Agency, "officer"), ct);
        using var lane = node.Bearer(created.Secret, Purposes.CounterNarcotics);
        Assert.Equal(HttpStatusCode.OK, (await lane.GetAsync("/api/v1/alerts", ct)).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/v1/tokens/{created.Token.Id}", ct);

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await Accounts.AssertProblemAsync(await lane.GetAsync("/api/v1/alerts", ct), HttpStatusCode.Unauthorized, ct);
        var rejected = Assert.Single(await node.AuditAsync(AuditAction.TokenRejected, null, ct));
        Assert.Equal(AuditOutcome.Denied, rejected.Outcome);
        Assert.Equal("127.0.0.1", rejected.RemoteAddress);
        Assert.Single(await node.AuditAsync(AuditAction.TokenRevoked, created.Token.Id, ct));
        var listed = await admin.GetFromJsonAsync<List<TokenView>>("/api/v1/tokens", PerimeterJson.Options, ct);
        Assert.NotNull(listed!.Single(t => t.Id == created.Token.Id).RevokedAt);
        await Accounts.AssertProblemAsync(await admin.DeleteAsync($"/api/v1/tokens/{created.Token.Id}", ct), HttpStatusCode.NotFound, ct);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_records_when_it_was_last_used_at_most_once_a_minute_and_the_listing_shows_it(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        var created = await CreateAsync(admin, new NewToken("lane 5", TestNode.Agency, "officer"), ct);
        using var lane = node.Bearer(created.Secret);
        Assert.Null(await LastUsedAtAsync(admin, created.Token.Id, ct));

        var firstUse = node.Time.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await lane.GetAsync("/api/v1/session", ct)).StatusCode);
        Assert.Equal(firstUse, await LastUsedAtAsync(admin, created.Token.Id, ct));

        // Within the minute a call writes nothing; the first call after it does.
        node.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await lane.GetAsync("/api/v1/session", ct)).StatusCode);
        Assert.Equal(firstUse, await LastUsedAtAsync(admin, created.Token.Id, ct));
        node.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await lane.GetAsync("/api/v1/session", ct)).StatusCode);
        Assert.Equal(node.Time.GetUtcNow(), await LastUsedAtAsync(admin, created.Token.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_is_refused_once_it_has_expired(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        var created = await CreateAsync(admin, new NewToken("contractor", TestNode.Agency, "analyst", ExpiresInDays: 2), ct);
        using var contractor = node.Bearer(created.Secret);
        Assert.Equal(created.Token.CreatedAt.AddDays(2), created.Token.ExpiresAt);

        node.Time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await contractor.GetAsync("/api/v1/session", ct)).StatusCode);
        node.Time.Advance(TimeSpan.FromSeconds(1));

        await Accounts.AssertProblemAsync(await contractor.GetAsync("/api/v1/session", ct), HttpStatusCode.Unauthorized, ct);
        Assert.Single(await node.AuditAsync(AuditAction.TokenRejected, null, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_made_up_token_is_refused_and_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        var real = await CreateAsync(admin, new NewToken("real", TestNode.Agency, "admin"), ct);
        // The right id with someone else's secret: the id alone must not be enough.
        var forged = $"ptk_{real.Token.Id:N}_{new string('A', 43)}";

        foreach (var secret in new[] { "nonsense", forged })
            await Accounts.AssertProblemAsync(await node.Bearer(secret).GetAsync("/api/v1/tokens", ct), HttpStatusCode.Unauthorized, ct);

        Assert.Equal(2, (await node.AuditAsync(AuditAction.TokenRejected, null, ct)).Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_acts_only_in_its_role(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        var alert = await node.PublishAsync(AnAlert.Person(), ct);
        using var officer = node.Bearer((await CreateAsync(admin, new NewToken("lane", TestNode.Agency, "officer"), ct)).Secret, Purposes.CounterNarcotics);
        using var auditor = node.Bearer((await CreateAsync(admin, new NewToken("oversight", TestNode.Agency, "auditor"), ct)).Secret, Purposes.CounterNarcotics);

        var publish = await officer.PostAsJsonAsync("/api/v1/alerts", AnAlert.Person(), PerimeterJson.Options, ct);
        var officerTokens = await officer.GetAsync("/api/v1/tokens", ct);
        var auditorReads = await auditor.GetAsync($"/api/v1/alerts/{alert.Id}", ct);
        var auditorLists = await auditor.GetAsync("/api/v1/alerts", ct);
        var auditorAudit = await auditor.GetAsync("/api/v1/audit", ct);

        await Accounts.AssertProblemAsync(publish, HttpStatusCode.Forbidden, ct);
        await Accounts.AssertProblemAsync(officerTokens, HttpStatusCode.Forbidden, ct);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);
        await Accounts.AssertProblemAsync(auditorReads, HttpStatusCode.Forbidden, ct);
        await Accounts.AssertProblemAsync(auditorLists, HttpStatusCode.Forbidden, ct);
        Assert.Equal(HttpStatusCode.OK, auditorAudit.StatusCode);
        Assert.Equal(4, (await node.AuditAsync(AuditAction.Denied, null, ct)).Count);
        Assert.Single(await node.AuditAsync(AuditAction.Publish, null, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_token_acts_only_for_its_agency(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        await node.EnsureAgencyAsync("mx.inm", ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        var ours = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReleasableTo = [] }), ct);
        using var mexico = node.Bearer((await CreateAsync(admin, new NewToken("inm liaison", "mx.inm", "analyst"), ct)).Secret, Purposes.CounterNarcotics);

        var published = await mexico.PostAsJsonAsync("/api/v1/alerts", AnAlert.Person("Ismael", "Zambada García"), PerimeterJson.Options, ct);
        var read = await mexico.GetAsync($"/api/v1/alerts/{ours.Id}", ct);
        var extend = await mexico.PostAsJsonAsync($"/api/v1/alerts/{ours.Id}/extend", new ExtendRequest("still wanted"), PerimeterJson.Options, ct);

        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal("mx.inm", (await published.Content.ReadFromJsonAsync<AlertView>(PerimeterJson.Options, ct))!.Originator);
        await Accounts.AssertProblemAsync(read, HttpStatusCode.NotFound, ct);
        await Accounts.AssertProblemAsync(extend, HttpStatusCode.NotFound, ct);
        Assert.Equal("mx.inm", Assert.Single(await node.AuditAsync(AuditAction.ReadDenied, ours.Id, ct)).Agency);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_partner_agency_admin_may_not_manage_this_node_or_mint_tokens_for_it(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var partnerAdmin = await node.ClientAsync("mx.inm", Role.Admin, ct);

        var mint = await partnerAdmin.PostAsJsonAsync("/api/v1/tokens", new NewToken("backdoor", TestNode.Agency, "analyst"), PerimeterJson.Options, ct);
        var users = await partnerAdmin.GetAsync("/api/v1/users", ct);
        var tokens = await partnerAdmin.GetAsync("/api/v1/tokens", ct);

        await Accounts.AssertProblemAsync(mint, HttpStatusCode.Forbidden, ct);
        await Accounts.AssertProblemAsync(users, HttpStatusCode.Forbidden, ct);
        await Accounts.AssertProblemAsync(tokens, HttpStatusCode.Forbidden, ct);
        Assert.All(await node.AuditAsync(AuditAction.Denied, null, ct), r => Assert.Equal("mx.inm", r.Agency));
        // Only the partner admin's own token, which the operator made.
        Assert.Single(await node.AuditAsync(AuditAction.TokenCreated, null, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Creating_a_token_with_a_bad_role_agency_or_lifetime_names_each_field(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        var before = (await node.AuditAsync(AuditAction.TokenCreated, null, ct)).Count;

        var response = await admin.PostAsJsonAsync("/api/v1/tokens", new NewToken("bad", "zz.nowhere", "root", 0), PerimeterJson.Options, ct);

        Assert.Equal(["agency", "expiresInDays", "role"], (await Accounts.ErrorFieldsAsync(response, ct)).Order(StringComparer.Ordinal));
        Assert.Equal(before, (await node.AuditAsync(AuditAction.TokenCreated, null, ct)).Count);
    }

    private static async Task<DateTimeOffset?> LastUsedAtAsync(HttpClient admin, Guid id, CancellationToken ct) =>
        (await admin.GetFromJsonAsync<List<TokenView>>("/api/v1/tokens", PerimeterJson.Options, ct))!.Single(t => t.Id == id).LastUsedAt;

    private static async Task<TokenCreated> CreateAsync(HttpClient admin, NewToken request, CancellationToken ct)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/tokens", request, PerimeterJson.Options, ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenCreated>(PerimeterJson.Options, ct))!;
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Users;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Users;

public sealed class SessionTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_user_signs_in_with_a_password_and_the_cookie_then_says_who_they_are(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var user = await node.AddUserAsync(Role.Analyst, ct, agency: "mx.inm");
        var browser = node.Browser();
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/session", ct)).StatusCode);

        var signIn = await browser.SignInAsync(user.UserName, Accounts.Password, ct);

        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var session = await browser.GetFromJsonAsync<SessionView>("/api/v1/session", PerimeterJson.Options, ct);
        Assert.Equal(user.Id.ToString(), session!.ActorId);
        Assert.Equal(user.UserName, session.Name);
        Assert.Equal("mx.inm", session.Agency);
        Assert.Equal([Role.Analyst], session.Roles);
        var record = Assert.Single(await node.AuditAsync(AuditAction.SignIn, user.Id, ct));
        Assert.Equal(AuditOutcome.Allowed, record.Outcome);
        Assert.Equal("mx.inm", record.Agency);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_wrong_password_is_refused_as_a_problem_and_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var user = await node.AddUserAsync(Role.Officer, ct);
        var browser = node.Browser();

        var signIn = await browser.SignInAsync(user.UserName, "not the passphrase at all", ct);

        await Accounts.AssertProblemAsync(signIn, HttpStatusCode.Unauthorized, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/session", ct)).StatusCode);
        var record = Assert.Single(await node.AuditAsync(AuditAction.SignInFailed, user.Id, ct));
        Assert.Equal(AuditOutcome.Denied, record.Outcome);
        Assert.Equal("wrong-password", record.Detail);
        Assert.Equal("127.0.0.1", record.RemoteAddress);
        Assert.Empty(await node.AuditAsync(AuditAction.SignIn, user.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_unknown_user_name_is_refused_like_a_wrong_password_and_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);

        var signIn = await node.Browser().SignInAsync("nobody-here", Accounts.Password, ct);

        await Accounts.AssertProblemAsync(signIn, HttpStatusCode.Unauthorized, ct);
        var record = Assert.Single(await node.AuditAsync(AuditAction.SignInFailed, null, ct));
        Assert.Equal("unknown-user", record.Detail);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Five_wrong_passwords_lock_the_account_so_that_the_right_one_is_refused_for_fifteen_minutes_on_the_nodes_clock(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var user = await node.AddUserAsync(Role.Officer, ct);
        var browser = node.Browser();

        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync(user.UserName, $"wrong passphrase {attempt}", ct)).StatusCode);
        var signIn = await browser.SignInAsync(user.UserName, Accounts.Password, ct);

        await Accounts.AssertProblemAsync(signIn, HttpStatusCode.Unauthorized, ct);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/session", ct)).StatusCode);
        var failures = await node.AuditAsync(AuditAction.SignInFailed, user.Id, ct);
        Assert.Equal(6, failures.Count);
        Assert.Equal("locked-out", failures[^1].Detail);
        Assert.Empty(await node.AuditAsync(AuditAction.SignIn, user.Id, ct));
        // The lockout runs on the node's clock: still locked a minute before its end, open just after it.
        node.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
        node.Time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
        Assert.Single(await node.AuditAsync(AuditAction.SignIn, user.Id, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_user_disabled_by_an_admin_cannot_sign_in_and_their_open_session_ends_within_a_minute(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var user = await node.AddUserAsync(Role.Analyst, ct);
        var open = node.Browser();
        Assert.Equal(HttpStatusCode.NoContent, (await open.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
        var admin = node.Browser();
        var adminUser = await node.AddUserAsync(Role.Admin, ct);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SignInAsync(adminUser.UserName, Accounts.Password, ct)).StatusCode);

        var disable = await admin.PostAsync($"/api/v1/users/{user.UserName}/disable", null, ct);

        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        Assert.Single(await node.AuditAsync(AuditAction.UserDisabled, user.Id, ct));
        var signIn = await node.Browser().SignInAsync(user.UserName, Accounts.Password, ct);
        await Accounts.AssertProblemAsync(signIn, HttpStatusCode.Unauthorized, ct);
        Assert.Equal("disabled", (await node.AuditAsync(AuditAction.SignInFailed, user.Id, ct))[^1].Detail);
        node.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await open.GetAsync("/api/v1/session", ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_user_disabled_through_the_service_cannot_sign_in(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var user = await node.AddUserAsync(Role.Officer, ct);
        await using (var scope = node.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<UserService>().DisableAsync(user.UserName, Caller.Operator(TestNode.Agency), ct));

        var signIn = await node.Browser().SignInAsync(user.UserName, Accounts.Password, ct);

        await Accounts.AssertProblemAsync(signIn, HttpStatusCode.Unauthorized, ct);
        Assert.Equal("disabled", Assert.Single(await node.AuditAsync(AuditAction.SignInFailed, user.Id, ct)).Detail);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Signing_out_ends_the_session_and_is_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var user = await node.AddUserAsync(Role.Supervisor, ct);
        var browser = node.Browser();
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);

        var signOut = await browser.DeleteAsync("/api/v1/session", ct);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/session", ct)).StatusCode);
        var record = Assert.Single(await node.AuditAsync(AuditAction.SignOut, null, ct));
        Assert.Equal(user.Id.ToString(), record.ActorId);
        Assert.Equal(ActorKind.User, record.ActorKind);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Passwords_are_stored_hashed_and_the_user_list_never_shows_the_hash(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var user = await node.AddUserAsync(Role.Officer, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);

        var listing = await admin.GetStringAsync("/api/v1/users", ct);

        string? hash;
        await using (var db = node.Database.Open())
            hash = await db.Users.Where(u => u.Id == user.Id).Select(u => u.PasswordHash).SingleAsync(ct);
        Assert.False(string.IsNullOrEmpty(hash));
        Assert.DoesNotContain(Accounts.Password, hash, StringComparison.Ordinal);
        Assert.Contains(user.UserName, listing, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, listing, StringComparison.Ordinal);
        Assert.DoesNotContain("passwordHash", listing, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", listing, StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_an_admin_may_use_the_users_api_and_a_refusal_is_audited(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);

        var list = await officer.GetAsync("/api/v1/users", ct);
        var add = await officer.PostAsJsonAsync("/api/v1/users",
            new AddUserRequest("sneaky", Accounts.Password, TestNode.Agency, ["admin"]), PerimeterJson.Options, ct);
        var anonymous = await node.Anonymous().GetAsync("/api/v1/users", ct);

        await Accounts.AssertProblemAsync(list, HttpStatusCode.Forbidden, ct);
        await Accounts.AssertProblemAsync(add, HttpStatusCode.Forbidden, ct);
        await Accounts.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, ct);
        var denied = await node.AuditAsync(AuditAction.Denied, null, ct);
        Assert.Equal(["GET /api/v1/users", "POST /api/v1/users", "GET /api/v1/users"], denied.Select(r => r.Detail));
        Assert.All(denied.Take(2), r => Assert.Equal("Officer", r.Roles));
        Assert.Empty(await node.AuditAsync(AuditAction.UserAdded, null, ct));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users", ct)).StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_admin_adds_a_user_who_can_then_sign_in(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);

        var add = await admin.PostAsJsonAsync("/api/v1/users",
            new AddUserRequest("ana.lopez", Accounts.Password, TestNode.Agency, ["analyst"], "Ana López"), PerimeterJson.Options, ct);

        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var user = await add.Content.ReadFromJsonAsync<UserView>(PerimeterJson.Options, ct);
        Assert.Equal([Role.Analyst], user!.Roles);
        Assert.Single(await node.AuditAsync(AuditAction.UserAdded, user.Id, ct));
        Assert.Equal(HttpStatusCode.NoContent, (await node.Browser().SignInAsync("ana.lopez", Accounts.Password, ct)).StatusCode);
    }

    public static TheoryData<Database, string, string, string, string> BadUsers()
    {
        var rows = new TheoryData<Database, string, string, string, string>();
        foreach (var database in Enum.GetValues<Database>())
        {
            rows.Add(database, Accounts.Password, "no-such-role", TestNode.Agency, "roles");
            rows.Add(database, Accounts.Password, "officer", "zz.nowhere", "agency");
            rows.Add(database, "eleven char", "officer", TestNode.Agency, "password");
        }
        return rows;
    }

    [Theory, MemberData(nameof(BadUsers))]
    public async Task Adding_a_user_with_a_bad_field_is_refused_naming_that_field(Database database, string password, string role, string agency, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);

        var add = await admin.PostAsJsonAsync("/api/v1/users", new AddUserRequest("new.user", password, agency, [role]), PerimeterJson.Options, ct);

        Assert.Equal([field], await Accounts.ErrorFieldsAsync(add, ct));
        Assert.Empty(await node.AuditAsync(AuditAction.UserAdded, null, ct));
        using var listing = await admin.GetAsync("/api/v1/users", ct);
        Assert.DoesNotContain("new.user", await listing.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }
}

using System.Net;
using Perimeter.Features.Access;
using Perimeter.Features.Users;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Components;

/// <summary>
/// The audit page names users as the API would name them to the same caller: user names are the users API's, which
/// the node's admins alone may read; everyone else reads the ids the audit API gives.
/// </summary>
public sealed class AuditPageTests
{
    [Fact]
    public async Task An_auditor_reads_user_ids_on_the_audit_page_and_only_an_auditor_who_is_also_admin_reads_names()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        var officer = await node.AddUserAsync(Role.Officer, ct);
        var auditor = await node.AddUserAsync(Role.Auditor, ct);
        var auditorAdmin = await node.AddUserAsync([Role.Auditor, Role.Admin], ct);
        Assert.Equal(HttpStatusCode.NoContent, (await node.Browser().SignInAsync(officer.UserName, Accounts.Password, ct)).StatusCode);
        var byId = $"/audit?actor={officer.Id}&auditAction=SignIn";
        var byName = $"/audit?actor={officer.UserName}&auditAction=SignIn";

        using var plain = await SignedInAsync(node, auditor, ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await plain.GetAsync("/api/v1/users", ct)).StatusCode);
        var page = await plain.GetStringAsync(byId, ct);
        Assert.Contains($"<td>{officer.Id}</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"<td>{officer.UserName}</td>", page, StringComparison.Ordinal);
        // Nor may a name be probed: typed, it is not turned into the id it belongs to.
        Assert.DoesNotContain($"<td>{officer.Id}</td>", await plain.GetStringAsync(byName, ct), StringComparison.Ordinal);

        using var admin = await SignedInAsync(node, auditorAdmin, ct);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users", ct)).StatusCode);
        Assert.Contains($"<td>{officer.UserName}</td>", await admin.GetStringAsync(byName, ct), StringComparison.Ordinal);
    }

    private static async Task<HttpClient> SignedInAsync(TestNode node, UserView user, CancellationToken ct)
    {
        var browser = node.Browser();
        Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
        return browser;
    }
}

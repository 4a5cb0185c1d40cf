using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Components;

/// <summary>Who may open a page is decided where the API decides it: by a permission of <see cref="Permissions"/>.</summary>
public sealed class PageGateTests
{
    [Fact]
    public void Every_gated_console_page_names_a_permission_not_a_list_of_roles()
    {
        var permissions = typeof(Permissions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        var gates = typeof(NodeHost).Assembly.GetTypes()
            .Where(t => t.IsDefined(typeof(RouteAttribute), inherit: false) && t.GetCustomAttribute<AuthorizeAttribute>() is not null)
            .Select(t => (Page: t.Name, Gate: t.GetCustomAttribute<AuthorizeAttribute>()!))
            .ToList();

        Assert.NotEmpty(gates);
        Assert.All(gates, g => Assert.True(g.Gate.Roles is null && g.Gate.Policy is { } policy && permissions.Contains(policy),
            $"{g.Page}: Roles=\"{g.Gate.Roles}\" Policy=\"{g.Gate.Policy}\""));
    }

    [Fact]
    public async Task Analysts_and_supervisors_open_the_hits_inbox_and_an_officer_is_refused_and_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);

        foreach (var (role, expected) in new[] { (Role.Analyst, HttpStatusCode.OK), (Role.Supervisor, HttpStatusCode.OK), (Role.Officer, HttpStatusCode.Forbidden) })
        {
            var user = await node.AddUserAsync(role, ct);
            using var browser = node.Browser();
            Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
            Assert.Equal(expected, (await browser.GetAsync("/hits?purpose=sanctions", ct)).StatusCode);
            var refusals = (await node.AuditAsync(AuditAction.Denied, null, ct)).Where(r => r.ActorId == user.Id.ToString());
            Assert.Equal(expected == HttpStatusCode.Forbidden ? ["GET /hits"] : [], refusals.Select(r => r.Detail));
        }
    }
}

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
    public async Task Every_link_in_the_navigation_opens_for_the_user_it_is_shown_to()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(Database.Sqlite, ct);
        var users = new (string Agency, Role Role, string[] Expected)[]
        {
            (TestNode.Agency, Role.Officer, ["/dashboard", "/screen", "/screen/batch", "/alerts"]),
            (TestNode.Agency, Role.Auditor, ["/dashboard", "/audit"]),
            (TestNode.Agency, Role.Admin, ["/dashboard", "/partners", "/admin/users", "/admin/tokens"]),
            // Users of a partner agency hosted on this node: the node's requests, partners and audit are not theirs;
            // deconfliction is, since it is between the agencies of this node.
            ("mx.inm", Role.Analyst, ["/dashboard", "/screen", "/screen/batch", "/alerts", "/hits", "/deconfliction"]),
            ("mx.inm", Role.Auditor, ["/dashboard"]),
        };

        foreach (var (agency, role, expected) in users)
        {
            var user = await node.AddUserAsync(role, ct, agency);
            using var browser = node.Browser();
            Assert.Equal(HttpStatusCode.NoContent, (await browser.SignInAsync(user.UserName, Accounts.Password, ct)).StatusCode);
            var dashboard = await browser.GetStringAsync("/dashboard", ct);
            var nav = dashboard[dashboard.IndexOf("<nav", StringComparison.Ordinal)..dashboard.IndexOf("</nav>", StringComparison.Ordinal)];
            var links = System.Text.RegularExpressions.Regex.Matches(nav, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

            Assert.Equal(expected, links);
            foreach (var link in links)
                Assert.Equal((agency, role, link, HttpStatusCode.OK), (agency, role, link, (await browser.GetAsync(link, ct)).StatusCode));
        }
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

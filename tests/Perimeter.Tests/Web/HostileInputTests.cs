using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Federation;
using Perimeter.Features.Screening;
using Perimeter.Features.Users;
using Perimeter.Tests.Features.Screening;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Web;

/// <summary>
/// What a run of generated hostile requests found answered 500, or accepted what it should refuse: each is now a clear
/// problem naming the field, and nothing is written.
/// </summary>
public sealed class HostileInputTests(NodePerDatabase nodes) : IClassFixture<NodePerDatabase>
{
    [Theory]
    [InlineData("/alerts?page=abc")]
    [InlineData("/alerts?page=2147483647")]
    [InlineData("/audit?page=-1")]
    [InlineData("/audit?page=2147483647")]
    [InlineData("/requests?filed=not-a-guid")]
    public async Task A_console_page_with_a_page_or_id_that_is_no_number_shows_the_page(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        var admin = await node.AddUserAsync([Role.Admin, Role.Analyst, Role.Auditor], ct);
        using var browser = node.Browser();
        (await browser.SignInAsync(admin.UserName, Accounts.Password, ct)).EnsureSuccessStatusCode();

        using var response = await browser.GetAsync($"{path}&purpose=counter-narcotics", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_user_name_the_account_store_refuses_is_a_problem_naming_it_and_adds_no_one(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);

        foreach (var name in new[] { "evil\u202Egnp.exe", "smile😀", "o'brien\"", "100%", "line\r\nbreak", "two words" })
        {
            var before = await StoredAsync<NodeUser>(node, ct);
            using var response = await admin.PostAsJsonAsync("/api/v1/users",
                new AddUserRequest(name, Accounts.Password, TestNode.Agency, ["officer"]), PerimeterJson.Options, ct);

            Assert.NotEmpty((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("userName"));
            Assert.Equal(before, await StoredAsync<NodeUser>(node, ct));
        }
        var request = new AddUserRequest($"ana.lopez.{database}", Accounts.Password, TestNode.Agency, ["officer"]);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/users", request, PerimeterJson.Options, ct)).StatusCode);
        var users = await StoredAsync<NodeUser>(node, ct);
        using var again = await admin.PostAsJsonAsync("/api/v1/users", request with { UserName = $" ANA.LOPEZ.{database} " }, PerimeterJson.Options, ct);
        Assert.NotEmpty((await Problem.ReadAsync(again, HttpStatusCode.BadRequest, ct)).For("userName"));
        Assert.Equal(users, await StoredAsync<NodeUser>(node, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_batch_with_a_threshold_that_is_no_number_or_a_manifest_naming_a_column_twice_is_refused(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.CounterNarcotics);
        const string manifest = "id,name\n1,Joaquin Guzman\n";

        foreach (var threshold in new[] { "NaN", "Infinity", "-Infinity" })
        {
            using var content = new StringContent(manifest, Encoding.UTF8, "text/csv");
            using var response = await officer.PostAsync($"{Screenings.Batch}?threshold={threshold}", content, ct);
            Assert.NotEmpty((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("threshold"));
        }
        using var twice = new StringContent("id,name,name\n1,Joaquin Guzman,El Chapo\n", Encoding.UTF8, "text/csv");
        using var refused = await officer.PostAsync(Screenings.Batch, twice, ct);
        Assert.Contains("name", Assert.Single((await Problem.ReadAsync(refused, HttpStatusCode.BadRequest, ct)).For("body")), StringComparison.Ordinal);
        Assert.Equal(0, await StoredAsync<BatchJob>(node, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_node_without_a_federation_identity_says_so_instead_of_failing(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct);
        await PartnerWithAgreementAsync(node, "mx.inm", ct);

        using var readLog = await admin.GetAsync("/api/v1/partners/mx.inm/read-log", ct);
        await Problem.ReadAsync(readLog, HttpStatusCode.Conflict, ct);

        using var noReference = await analyst.PostAsJsonAsync("/api/v1/requests-for-details",
            new { partner = "mx.inm", purpose = "counter-narcotics", justification = "Same name at the lane." }, PerimeterJson.Options, ct);
        Assert.NotEmpty((await Problem.ReadAsync(noReference, HttpStatusCode.BadRequest, ct)).For("reference"));

        using var filed = await analyst.PostAsJsonAsync("/api/v1/requests-for-details",
            new { partner = "mx.inm", reference = Guid.NewGuid(), purpose = "counter-narcotics", justification = "Same name at the lane." }, PerimeterJson.Options, ct);
        await Problem.ReadAsync(filed, HttpStatusCode.Conflict, ct);
        Assert.Equal(0, await StoredAsync<RequestForDetails>(node, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_decision_without_an_outcome_is_refused_not_stored_as_confirmed(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        var alert = await node.PublishAsync(AnAlert.Person(), ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.CounterNarcotics);

        using var response = await officer.PostAsJsonAsync(Screenings.Decisions,
            new { subject = new { name = "Joaquin Guzman Loera" }, alertId = alert.Id, reason = "Same person." }, PerimeterJson.Options, ct);

        Assert.NotEmpty((await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct)).For("outcome"));
        Assert.Equal(0, await StoredAsync<ScreeningDecision>(node, ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_purposes_are_refused_as_ambiguous(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct);
        officer.DefaultRequestHeaders.Add(Caller.PurposeHeader, ["counter-narcotics", "counter-terrorism"]);

        using var twoHeaders = await officer.GetAsync("/api/v1/alerts", ct);
        Assert.NotEmpty((await Problem.ReadAsync(twoHeaders, HttpStatusCode.BadRequest, ct)).For("purpose"));

        officer.DefaultRequestHeaders.Remove(Caller.PurposeHeader);
        officer.DefaultRequestHeaders.Add(Caller.PurposeHeader, "counter-narcotics");
        using var headerAndParameter = await officer.GetAsync("/api/v1/alerts?purpose=counter-terrorism", ct);
        Assert.NotEmpty((await Problem.ReadAsync(headerAndParameter, HttpStatusCode.BadRequest, ct)).For("purpose"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_page_past_what_any_list_can_hold_is_refused_not_wrapped_to_the_first(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        await node.PublishAsync(AnAlert.Person(), ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.CounterNarcotics);
        using var auditor = await node.ClientAsync(TestNode.Agency, Role.Auditor, ct);

        using var alerts = await officer.GetAsync("/api/v1/alerts?page=2147483647&pageSize=200", ct);
        Assert.NotEmpty((await Problem.ReadAsync(alerts, HttpStatusCode.BadRequest, ct)).For("page"));
        using var audit = await auditor.GetAsync("/api/v1/audit?page=2147483647&pageSize=200", ct);
        Assert.NotEmpty((await Problem.ReadAsync(audit, HttpStatusCode.BadRequest, ct)).For("page"));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_body_naming_a_member_twice_is_refused(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var admin = await node.ClientAsync(TestNode.Agency, Role.Admin, ct);

        using var content = new StringContent("""{"id": "gt.pnc", "id": "sv.pnc", "name": "Policía"}""", Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/agencies", content, ct);

        await Problem.ReadAsync(response, HttpStatusCode.BadRequest, ct);
        await using var db = node.Database.Storage.Open();
        Assert.False(await db.Agencies.AnyAsync(a => a.Id == "gt.pnc" || a.Id == "sv.pnc", ct));
    }

    [Fact]
    public async Task A_path_no_endpoint_serves_is_404_and_a_browser_not_signed_in_is_sent_to_sign_in()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        var anonymous = node.Anonymous(new HttpClientHandler { AllowAutoRedirect = false });
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.CounterNarcotics);

        await Problem.ReadAsync(await anonymous.GetAsync("/api/v1/nothing-here", ct), HttpStatusCode.NotFound, ct);
        await Problem.ReadAsync(await anonymous.PostAsync("/api/v1/nothing-here", null, ct), HttpStatusCode.NotFound, ct);
        await Problem.ReadAsync(await officer.GetAsync("/api/v1/nothing-here", ct), HttpStatusCode.NotFound, ct);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/no-such-page?x=1") { Headers = { { "Accept", "text/html" } } };
        using var redirected = await anonymous.SendAsync(page, ct);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.Equal("/?returnUrl=%2Fno-such-page%3Fx%3D1", redirected.Headers.Location?.OriginalString);
        // A known API path still asks who is calling.
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/alerts", ct)).StatusCode);
    }

    [Fact]
    public async Task A_known_path_asked_with_another_method_is_405_naming_the_methods_it_answers()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(Database.Sqlite, ct);
        using var officer = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.CounterNarcotics);

        using var delete = await officer.DeleteAsync("/api/v1/alerts", ct);
        await Problem.ReadAsync(delete, HttpStatusCode.MethodNotAllowed, ct);
        Assert.Equal(["GET", "POST"], delete.Content.Headers.Allow.Order(StringComparer.Ordinal));
        // Route constraints count: an id that is not a GUID names no alert, so the path is unknown.
        using var put = await officer.PutAsync($"/api/v1/alerts/{Guid.NewGuid()}/retract", null, ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutAsync("/api/v1/alerts/not-a-guid/retract", null, ct)).StatusCode);
    }

    /// <summary>A partner pinned by its own certificate, under a query agreement, while this node has no identity of its own.</summary>
    private static async Task PartnerWithAgreementAsync(TestNode node, string agency, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-partner-").FullName;
        try
        {
            var partner = NodeIdentity.Create(folder, agency, null, DateTimeOffset.UtcNow);
            await using var scope = node.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var (pinned, errors) = await services.GetRequiredService<PartnerService>().AddAsync(
                new NewPartner(agency, "https://127.0.0.1:9/", partner.Certificate.ExportCertificatePem()), Caller.Operator(TestNode.Agency), ct);
            Assert.True(pinned is not null, $"{errors}");
            var (agreement, refused) = await services.GetRequiredService<AgreementService>().AddAsync(new NewAgreement
            {
                Partner = agency, Mode = AgreementMode.Query, Kinds = ["*"], Categories = ["*"], Purposes = Purposes.CounterNarcotics,
            }, Caller.Operator(TestNode.Agency), ct);
            Assert.True(agreement is not null, $"{refused}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> StoredAsync<T>(TestNode node, CancellationToken ct) where T : class
    {
        await using var db = node.Database.Storage.Open();
        return await db.Set<T>().CountAsync(ct);
    }
}

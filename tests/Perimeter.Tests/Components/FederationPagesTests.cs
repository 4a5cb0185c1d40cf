using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Components;

[Collection(ConsoleBrowser.Name)]
public sealed class FederationPagesTests(ConsoleFixture console) : BrowserTest(console)
{
    [Fact]
    public async Task A_supervisor_approves_a_partners_request_once_is_held_to_four_eyes_and_denies_it_with_a_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var requestId = await PartnerSetup.ReceiveRequestAsync(Fixture.Node, AnAlert.Person("Eustaquia", "Berenguer Zubizarreta"),
            "Crossed at Tecún Umán with a forged visa.", ct);

        var page = await Fixture.SignInAsync("supervisor");
        await page.GetByRole(AriaRole.Link, new() { Name = "Requests for details" }).ClickAsync();
        var request = page.Locator($"#request-{requestId}");
        await Assertions.Expect(request).ToContainTextAsync("Request from gt.igm · Urgent");
        await Assertions.Expect(request).ToContainTextAsync("Crossed at Tecún Umán with a forged visa.");
        await Assertions.Expect(request).ToContainTextAsync("TLP:AMBER");
        await Assertions.Expect(request).ToContainTextAsync("left");
        await Assertions.Expect(request).ToContainTextAsync("a second, different supervisor must approve too");

        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.Locator("#request-outcome")).ToContainTextAsync("First approval recorded");
        await Assertions.Expect(request).ToContainTextAsync("Awaiting a second supervisor");
        // Four eyes: the supervisor who approved first cannot be the second.
        await Assertions.Expect(request.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeDisabledAsync();

        await request.GetByLabel("Reason for denying").FillAsync("Outside the purposes of the agreement.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await Assertions.Expect(page.Locator("#request-outcome")).ToContainTextAsync("Denied: gt.igm gets the reason");
        await Assertions.Expect(page.Locator($"#request-{requestId}")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#decided")).ToContainTextAsync("Outside the purposes of the agreement.");
        await ConsoleFixture.ScreenshotAsync(page, nameof(A_supervisor_approves_a_partners_request_once_is_held_to_four_eyes_and_denies_it_with_a_reason));

        Assert.Single(await Fixture.Node.AuditAsync(AuditAction.DetailsApproved, requestId, ct));
        Assert.Single(await Fixture.Node.AuditAsync(AuditAction.DetailsDenied, requestId, ct));
    }

    [Fact]
    public async Task An_analyst_sees_the_requests_inbox_without_the_decisions_and_an_officer_is_refused_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var requestId = await PartnerSetup.ReceiveRequestAsync(Fixture.Node, AnAlert.Person("Filiberta", "Arrechea Mondragón"), "Seen at La Mesilla.", ct);

        var analyst = await Fixture.SignInAsync("analyst");
        await analyst.GotoAsync("/requests");
        await Assertions.Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Requests this agency filed" })).ToBeVisibleAsync();
        await Assertions.Expect(analyst.Locator($"#request-{requestId}")).ToHaveCountAsync(0);
        await Assertions.Expect(analyst.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);

        var officer = await Fixture.SignInAsync("officer");
        var response = await officer.GotoAsync("/requests");
        Assert.Equal(403, response!.Status);
    }

    [Fact]
    public async Task An_admin_sees_partner_status_adds_a_query_agreement_and_suspends_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await PartnerSetup.EnsurePartnerAsync(Fixture.Node, ct);

        var page = await Fixture.SignInAsync("admin");
        // The dashboard shows the partner's delivery status, as GET /api/v1/partners/status does, to admins and supervisors.
        await Assertions.Expect(page.Locator("section[aria-labelledby=partners-heading] tr", new() { HasText = PartnerSetup.Partner }))
            .ToContainTextAsync("Partner node");
        var officer = await Fixture.SignInAsync("officer");
        await Assertions.Expect(officer.Locator("section[aria-labelledby=partners-heading] tr", new() { HasText = PartnerSetup.Partner }))
            .ToContainTextAsync("Partner agency with its own node");

        await page.GetByRole(AriaRole.Link, new() { Name = "Partners" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partner-status")).ToContainTextAsync(PartnerSetup.Partner);
        await Assertions.Expect(page.Locator("#partner-status")).ToContainTextAsync(PartnerSetup.PartnerUrl);

        // No purpose: refused by the service, with the field named, and nothing added.
        var before = (await Fixture.Node.AuditAsync(AuditAction.AgreementAdded, null, ct)).Count;
        await page.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(PartnerSetup.Partner);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator("#agreement-errors")).ToContainTextAsync("Purposes");
        Assert.Equal(before, (await Fixture.Node.AuditAsync(AuditAction.AgreementAdded, null, ct)).Count);

        await page.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(PartnerSetup.Partner);
        await page.GetByLabel("Mode").SelectOptionAsync(new SelectOptionValue { Label = "Query (hit/no-hit)" });
        await page.GetByLabel("Alert kinds").FillAsync("vehicle");
        await page.GetByLabel("Alert categories").FillAsync("stolen-vehicle");
        await page.GetByLabel("Highest TLP").SelectOptionAsync(new SelectOptionValue { Label = "TLP:GREEN" });
        await page.GetByLabel("Retention (days)").FillAsync("90");
        await page.GetByLabel("Hits reported").CheckAsync();
        await page.GetByLabel("Firearms trafficking").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an agreement" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partners-saved")).ToContainTextAsync("Agreement with gt.igm added (Query (hit/no-hit))");

        var row = page.Locator("#agreements tr", new() { HasText = "Stolen vehicle" });
        await Assertions.Expect(row).ToContainTextAsync("Vehicle");
        await Assertions.Expect(row).ToContainTextAsync("Firearms trafficking");
        await Assertions.Expect(row).ToContainTextAsync("TLP:GREEN");
        await Assertions.Expect(row).ToContainTextAsync("90");
        await Assertions.Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = "Suspend the Query (hit/no-hit) agreement with gt.igm" }).ClickAsync();
        await Assertions.Expect(page.Locator("#partners-saved")).ToContainTextAsync("suspended");
        await Assertions.Expect(row).ToContainTextAsync("Suspended");
        await Assertions.Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await ConsoleFixture.ScreenshotAsync(page, nameof(An_admin_sees_partner_status_adds_a_query_agreement_and_suspends_it));
        Assert.NotEmpty(await Fixture.Node.AuditAsync(AuditAction.AgreementSuspended, null, ct));
    }

    [Fact]
    public async Task An_analyst_sees_a_live_partners_hit_apart_from_the_local_results_and_asks_it_for_the_details()
    {
        var ct = TestContext.Current.CancellationToken;
        await PartnerSetup.EnsurePartnerAsync(Fixture.Node, ct);
        // A real partner node on a real mutual-TLS socket, holding an alert this node does not.
        await using var belize = await FederationNode.StartAsync("bz.imd", Database.Sqlite, ct);
        var options = Fixture.Node.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
        var ours = NodeIdentity.Load(options.DataDirectory, options.Federation.KeyPassphrase);
        await using (var scope = belize.Running.Services.CreateAsyncScope())
        {
            var (pinned, errors) = await scope.ServiceProvider.GetRequiredService<PartnerService>().AddAsync(
                new NewPartner(TestNode.Agency, PartnerSetup.PartnerUrl, ours.Certificate.ExportCertificatePem()), Caller.Operator(belize.Agency), ct);
            Assert.True(pinned is not null, $"{errors}");
        }
        await belize.AgreeAsync(TestNode.Agency, ct, a => a with { Mode = AgreementMode.Query });
        // Released to us.cbp: a hit confirms that a record exists, so only an alert the asker may see answers it.
        await belize.Running.PublishAsync(AnAlert.Person("Hermenegilda", "Sarabia Ocampo").WithMarkings(m => m with { ReleasableTo = [TestNode.Agency] }), ct, agency: belize.Agency);
        AgreementView ourAgreement;
        await using (var scope = Fixture.Node.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var (pinned, errors) = await services.GetRequiredService<PartnerService>().AddAsync(
                new NewPartner(belize.Agency, belize.FederationUrl, belize.Identity.Certificate.ExportCertificatePem()), Caller.Operator(TestNode.Agency), ct);
            Assert.True(pinned is not null, $"{errors}");
            var (added, refused) = await services.GetRequiredService<AgreementService>().AddAsync(new NewAgreement
            {
                Partner = belize.Agency, Mode = AgreementMode.Query, Kinds = ["*"], Categories = ["*"], Purposes = Purposes.CounterNarcotics,
            }, Caller.Operator(TestNode.Agency), ct);
            ourAgreement = added ?? throw new InvalidOperationException($"agreement not added: {refused}");
        }
        try
        {
            var page = await Fixture.SignInAsync("analyst");
            await ScreenAsync(page, "Hermenegilda Sarabia Ocampo", "Counter-narcotics");
            var answers = page.Locator("#partner-answers");
            await Assertions.Expect(answers.Locator("#answer-bz-imd")).ToContainTextAsync("bz.imd: hit");
            await Assertions.Expect(answers).Not.ToContainTextAsync("Hermenegilda");
            // The local results stand apart and do not list the partner's alert: this node never held it.
            await Assertions.Expect(page.Locator("#results")).Not.ToContainTextAsync("Sarabia");

            await answers.GetByRole(AriaRole.Link, new() { Name = "Ask bz.imd for the details" }).ClickAsync();
            await Assertions.Expect(page.GetByLabel("Partner", new() { Exact = true })).ToHaveValueAsync(belize.Agency);
            await page.GetByLabel("Urgency").SelectOptionAsync(new SelectOptionValue { Label = "Urgent" });
            await page.GetByLabel("Justification").FillAsync("Same name on a northbound bus manifest at Chetumal.");
            await page.GetByRole(AriaRole.Button, new() { Name = "File the request" }).ClickAsync();
            await Assertions.Expect(page.Locator("#request-outcome")).ToContainTextAsync("Request filed");
            var filed = page.Locator("#outgoing tr", new() { HasText = belize.Agency });
            await Assertions.Expect(filed).ToContainTextAsync("Urgent");
            await Assertions.Expect(filed).ToContainTextAsync("Pending");
            await ConsoleFixture.ScreenshotAsync(page, nameof(An_analyst_sees_a_live_partners_hit_apart_from_the_local_results_and_asks_it_for_the_details));
            Assert.NotEmpty(await Fixture.Node.AuditAsync(AuditAction.DetailsRequested, null, ct));
        }
        finally
        {
            // The shared node keeps no agreement with a partner that is about to stop.
            await using var scope = Fixture.Node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgreementService>().SuspendAsync(ourAgreement.Id, Caller.Operator(TestNode.Agency), ct);
        }
    }

    [Fact]
    public async Task The_local_answer_is_shown_while_a_silent_partner_is_still_asked_and_then_reported_as_not_answering_in_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await PartnerSetup.EnsurePartnerAsync(Fixture.Node, ct);
        // A partner that accepts the connection and then says nothing: not even the TLS handshake.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new System.Collections.Concurrent.ConcurrentBag<Socket>();
        // Ends with an exception when the listener stops; nothing waits for it.
        _ = Task.Run(async () =>
        {
            while (!ct.IsCancellationRequested)
                held.Add(await silent.AcceptSocketAsync(ct));
        }, ct);
        var folder = Directory.CreateTempSubdirectory("perimeter-silent-").FullName;
        AgreementView agreement;
        await using (var scope = Fixture.Node.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var certificate = NodeIdentity.Create(folder, "bz.silent", null, DateTimeOffset.UtcNow).Certificate.ExportCertificatePem();
            var url = $"https://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
            var (pinned, errors) = await services.GetRequiredService<PartnerService>().AddAsync(new NewPartner("bz.silent", url, certificate), Caller.Operator(TestNode.Agency), ct);
            Assert.True(pinned is not null, $"{errors}");
            var (added, refused) = await services.GetRequiredService<AgreementService>().AddAsync(new NewAgreement
            {
                Partner = "bz.silent", Mode = AgreementMode.Query, Kinds = ["*"], Categories = ["*"], Purposes = Purposes.HumanTrafficking,
            }, Caller.Operator(TestNode.Agency), ct);
            agreement = added ?? throw new InvalidOperationException($"agreement not added: {refused}");
        }
        try
        {
            var page = await Fixture.SignInAsync("officer");
            await ScreenAsync(page, "Jose Guzman", "Human trafficking");
            // The local results are on the page while the partner is still being asked.
            await Assertions.Expect(page.Locator("#partner-answers")).ToContainTextAsync("Asking partner nodes");
            await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#answer-bz-silent")).ToContainTextAsync("bz.silent: did not answer in time", new() { Timeout = 10_000 });
            // An officer may not file a request for details.
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("for the details") })).ToHaveCountAsync(0);
            await ConsoleFixture.ScreenshotAsync(page, nameof(The_local_answer_is_shown_while_a_silent_partner_is_still_asked_and_then_reported_as_not_answering_in_time));
        }
        finally
        {
            await using var scope = Fixture.Node.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AgreementService>().SuspendAsync(agreement.Id, Caller.Operator(TestNode.Agency), ct);
            silent.Stop();
            foreach (var socket in held)
                socket.Dispose();
            Directory.Delete(folder, recursive: true);
        }
    }
}

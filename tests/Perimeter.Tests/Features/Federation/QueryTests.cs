using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Matching.Evidence;
using Perimeter.Tests.Features.Screening;
using Perimeter.Tests.Infrastructure;
using static Perimeter.Tests.Features.Federation.Federations;

namespace Perimeter.Tests.Features.Federation;

/// <summary>Hit/no-hit queries under a query agreement (us.cbp–gt.igm), and requests for the details behind a hit.</summary>
public sealed class QueryTests
{
    [Fact]
    public async Task A_query_partner_answers_only_hit_or_no_hit_with_a_band_and_an_opaque_reference()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await QueryPairAsync(ct);
        var alert = await pair.Gt.Running.PublishAsync(AnAlert.Person().ReleasedTo(Handling.ThirdPartyRule, "us.cbp"), ct, agency: "gt.igm");
        await pair.Gt.Running.PublishAsync(AnAlert.Person().Named("Rafael", "Caro Quintero", new PartialDate(1952, 10, 24)).ReleasedTo(Handling.ThirdPartyRule, "mx.inm"), ct, agency: "gt.igm");
        using var officer = await pair.Us.Running.ClientAsync("us.cbp", Role.Officer, ct, Purposes.CounterNarcotics);

        var response = await officer.PostAsJsonAsync("/api/v1/screen/partners", new { name = "Joaquin Guzman Loera", dateOfBirth = "1957-04-04" }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var result = PerimeterJson.Deserialize<PartnerQueryResult>(body);

        var answer = Assert.Single(result.Answers);
        Assert.Equal(("gt.igm", "hit"), (answer.Partner, answer.Outcome));
        Assert.NotNull(answer.Reference);
        Assert.NotNull(answer.Band);
        Assert.DoesNotContain("Guzm", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(alert.Id.ToString(), body, StringComparison.Ordinal);
        Assert.True(CertificatePin.Verifies(pair.Gt.Identity.Certificate, answer.Document!.Payload, answer.Document.Signature));

        var none = PerimeterJson.Deserialize<PartnerQueryResult>(await (await officer.PostAsJsonAsync("/api/v1/screen/partners", new { name = "Jane Nobody" }, ct)).Content.ReadAsStringAsync(ct));
        Assert.Equal("no-hit", Assert.Single(none.Answers).Outcome);
        Assert.Null(none.Answers[0].Reference);
        // A hit confirms that a record exists: an alert not released to us.cbp never answers it.
        var notReleased = PerimeterJson.Deserialize<PartnerQueryResult>(await (await officer.PostAsJsonAsync("/api/v1/screen/partners",
            new { name = "Rafael Caro Quintero", dateOfBirth = "1952-10-24" }, ct)).Content.ReadAsStringAsync(ct));
        Assert.Equal("no-hit", Assert.Single(notReleased.Answers).Outcome);

        // No copy ever reaches us.cbp under a query agreement, and both sides audited every query.
        Assert.Equal(0, await pair.Us.CopiesFromAsync("gt.igm"));
        Assert.Equal(3, await AuditCountAsync(pair.Gt, AuditAction.PartnerQueryAnswered));
        Assert.Equal(3, await AuditCountAsync(pair.Us, AuditAction.PartnerQuery));

        // A purpose outside the agreement asks nobody.
        using var migration = await pair.Us.Running.ClientAsync("us.cbp", Role.Officer, ct, Purposes.Migration);
        var outside = PerimeterJson.Deserialize<PartnerQueryResult>(await (await migration.PostAsJsonAsync("/api/v1/screen/partners", new { name = "Joaquin Guzman" }, ct)).Content.ReadAsStringAsync(ct));
        Assert.Empty(outside.Answers);
    }

    [Theory]
    [InlineData("""{"queryId":"01938f6e-0000-7000-8000-000000000001","purpose":"counter-narcotics"}""", "subject")]
    [InlineData("""{"queryId":"01938f6e-0000-7000-8000-000000000001","purpose":"counter-narcotics","subject":null}""", "subject")]
    [InlineData("""{"queryId":"01938f6e-0000-7000-8000-000000000001","subject":{"name":"Joaquin Guzman Loera"}}""", "purpose")]
    public async Task A_malformed_query_from_a_pinned_partner_is_refused_naming_the_field_and_answers_nothing(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await QueryPairAsync(ct);
        await pair.Gt.Running.PublishAsync(AnAlert.Person().ReleasedTo(Handling.ThirdPartyRule, "us.cbp"), ct, agency: "gt.igm");

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await Federations.ClientOf(pair.Us, pair.Gt).PostAsync(PartnerQueryService.QueriesPath, content, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.False(await pair.Gt.QueryAsync(db => db.PartnerHits.AnyAsync()));
    }

    [Fact]
    public async Task A_query_answered_counts_as_contact_in_the_status_of_both_partners()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await QueryPairAsync(ct);
        using var supervisor = await pair.Us.Running.ClientAsync("us.cbp", Role.Supervisor, ct);
        using var answeringSupervisor = await pair.Gt.Running.ClientAsync("gt.igm", Role.Supervisor, ct);
        Assert.Null((await StatusOfAsync(supervisor, "gt.igm", ct)).LastContactAt);
        Assert.Null((await StatusOfAsync(answeringSupervisor, "us.cbp", ct)).LastContactAt);
        using var officer = await pair.Us.Running.ClientAsync("us.cbp", Role.Officer, ct, Purposes.CounterNarcotics);
        pair.Us.Running.Time.Advance(TimeSpan.FromMinutes(5));
        pair.Gt.Running.Time.Advance(TimeSpan.FromMinutes(7));

        var result = await officer.PostAsJsonAsync("/api/v1/screen/partners", new { name = "Jane Nobody" }, ct);

        Assert.Equal("no-hit", Assert.Single(PerimeterJson.Deserialize<PartnerQueryResult>(await result.Content.ReadAsStringAsync(ct)).Answers).Outcome);
        Assert.Equal(pair.Us.Running.Time.GetUtcNow(), (await StatusOfAsync(supervisor, "gt.igm", ct)).LastContactAt);
        Assert.Equal(pair.Gt.Running.Time.GetUtcNow(), (await StatusOfAsync(answeringSupervisor, "us.cbp", ct)).LastContactAt);
    }

    [Fact]
    public async Task A_partner_that_does_not_answer_in_time_is_reported_as_such_and_holds_nothing_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var gt = await FederationNode.StartAsync("gt.igm", Database.Sqlite, ct);
        // A partner that accepts connections and never says a word.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await us.PinAsync(gt, ct, url: $"https://127.0.0.1:{port}");
        await us.AgreeAsync("gt.igm", ct, a => a with { Mode = AgreementMode.Query });
        using var officer = await us.Running.ClientAsync("us.cbp", Role.Officer, ct, Purposes.CounterNarcotics);

        var started = DateTime.UtcNow;
        var result = await officer.PostAsJsonAsync("/api/v1/screen/partners", new { name = "Joaquin Guzman" }, ct);
        var elapsed = DateTime.UtcNow - started;

        var answers = PerimeterJson.Deserialize<PartnerQueryResult>(await result.Content.ReadAsStringAsync(ct)).Answers;
        Assert.Equal(("gt.igm", "no-answer"), (answers[0].Partner, answers[0].Outcome));
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
        // The local screening is its own call and does not wait for partners at all.
        using var local = await officer.PostAsJsonAsync("/api/v1/screen", new { name = "Joaquin Guzman" }, ct);
        local.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task A_request_for_details_above_green_needs_two_supervisors_and_the_release_arrives_signed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await QueryPairAsync(ct);
        var alert = await pair.Gt.Running.PublishAsync(AnAlert.Person().ReleasedTo(Handling.ThirdPartyRule, "us.cbp"), ct, agency: "gt.igm");
        var reference = await HitAsync(pair, ct);

        using var analyst = await pair.Us.Running.ClientAsync("us.cbp", Role.Analyst, ct);
        var filed = await analyst.PostAsJsonAsync("/api/v1/requests-for-details",
            new { partner = "gt.igm", reference, purpose = "counter-narcotics", justification = "Subject crossing at San Ysidro tonight.", urgency = "urgent" }, ct);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var request = (await filed.Content.ReadFromJsonAsync<RequestForDetailsView>(PerimeterJson.Options, ct))!;
        await FederationNode.EventuallyAsync(async () => await pair.Gt.QueryAsync(db => db.RequestsForDetails.AnyAsync(r => r.Id == request.Id)), "the request at gt.igm", ct);
        var incoming = await pair.Gt.QueryAsync(db => db.RequestsForDetails.AsNoTracking().SingleAsync(r => r.Id == request.Id));
        Assert.Equal(alert.Id, incoming.AlertId);
        Assert.Equal(incoming.CreatedAt.AddHours(1), incoming.DueAt);

        using var first = await pair.Gt.Running.ClientAsync("gt.igm", Role.Supervisor, ct);
        using var second = await pair.Gt.Running.ClientAsync("gt.igm", Role.Supervisor, ct);
        using var gtAnalyst = await pair.Gt.Running.ClientAsync("gt.igm", Role.Analyst, ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await gtAnalyst.PostAsync($"/api/v1/requests-for-details/{request.Id}/approve", null, ct)).StatusCode);
        var once = await (await first.PostAsync($"/api/v1/requests-for-details/{request.Id}/approve", null, ct)).Content.ReadFromJsonAsync<RequestForDetailsView>(PerimeterJson.Options, ct);
        Assert.Equal(RequestStatus.AwaitingSecondApproval, once!.Status);
        await Problem.ReadAsync(await first.PostAsync($"/api/v1/requests-for-details/{request.Id}/approve", null, ct), HttpStatusCode.Conflict, ct);
        var twice = await (await second.PostAsync($"/api/v1/requests-for-details/{request.Id}/approve", null, ct)).Content.ReadFromJsonAsync<RequestForDetailsView>(PerimeterJson.Options, ct);
        Assert.Equal(RequestStatus.Approved, twice!.Status);

        await FederationNode.EventuallyAsync(async () => await pair.Us.QueryAsync(db => db.RequestsForDetails.AnyAsync(r => r.Id == request.Id && r.Status == RequestStatus.Approved)), "the release at us.cbp", ct);
        // The released details are read under the purpose they were asked for, and the read is audited.
        var withoutPurpose = await analyst.GetFromJsonAsync<RequestForDetailsView>($"/api/v1/requests-for-details/{request.Id}", PerimeterJson.Options, ct);
        Assert.Null(withoutPurpose!.Details);
        using var reader = await pair.Us.Running.ClientAsync("us.cbp", Role.Analyst, ct, Purposes.CounterNarcotics);
        var released = await reader.GetFromJsonAsync<RequestForDetailsView>($"/api/v1/requests-for-details/{request.Id}", PerimeterJson.Options, ct);
        Assert.Null((await reader.GetFromJsonAsync<List<RequestForDetailsView>>("/api/v1/requests-for-details", PerimeterJson.Options, ct))!.Single(r => r.Id == request.Id).Details);
        Assert.Single(await pair.Us.Running.AuditAsync(AuditAction.Read, request.Id, ct));
        Assert.Equal(alert.Id, released!.AlertId);
        Assert.Equal("Test subject.", released.Details!.Narrative);
        Assert.Equal(Tlp.Amber, released.Details.Markings.Tlp);
        Assert.True(CertificatePin.Verifies(pair.Gt.Identity.Certificate, released.Release!.Payload, released.Release.Signature));
        Assert.Single(await pair.Gt.Running.AuditAsync(AuditAction.DetailsReleased, request.Id, ct));
        Assert.Single(await pair.Us.Running.AuditAsync(AuditAction.DetailsReleased, request.Id, ct));
    }

    [Fact]
    public async Task A_denied_request_reaches_the_asker_with_its_reason_and_an_unanswered_one_is_escalated()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pair = await QueryPairAsync(ct);
        await pair.Gt.Running.PublishAsync(AnAlert.Person().ReleasedTo(Handling.ThirdPartyRule, "us.cbp").WithMarkings(m => m with { Tlp = Tlp.Green }), ct, agency: "gt.igm");
        var reference = await HitAsync(pair, ct);
        using var analyst = await pair.Us.Running.ClientAsync("us.cbp", Role.Analyst, ct);
        var denied = (await (await analyst.PostAsJsonAsync("/api/v1/requests-for-details",
            new { partner = "gt.igm", reference, purpose = "counter-narcotics", justification = "Routine check.", urgency = "routine" }, ct))
            .Content.ReadFromJsonAsync<RequestForDetailsView>(PerimeterJson.Options, ct))!;
        var waiting = (await (await analyst.PostAsJsonAsync("/api/v1/requests-for-details",
            new { partner = "gt.igm", reference, purpose = "counter-narcotics", justification = "Urgent.", urgency = "urgent" }, ct))
            .Content.ReadFromJsonAsync<RequestForDetailsView>(PerimeterJson.Options, ct))!;
        await FederationNode.EventuallyAsync(async () => await pair.Gt.QueryAsync(db => db.RequestsForDetails.CountAsync()) == 2, "both requests at gt.igm", ct);

        using var supervisor = await pair.Gt.Running.ClientAsync("gt.igm", Role.Supervisor, ct);
        await Problem.ReadAsync(await supervisor.PostAsJsonAsync($"/api/v1/requests-for-details/{denied.Id}/deny", new { reason = "" }, ct), HttpStatusCode.BadRequest, ct);
        (await supervisor.PostAsJsonAsync($"/api/v1/requests-for-details/{denied.Id}/deny", new { reason = "Ongoing operation." }, ct)).EnsureSuccessStatusCode();
        await FederationNode.EventuallyAsync(async () => await pair.Us.QueryAsync(db => db.RequestsForDetails.AnyAsync(r => r.Id == denied.Id && r.Status == RequestStatus.Denied)), "the denial at us.cbp", ct);
        var view = await analyst.GetFromJsonAsync<RequestForDetailsView>($"/api/v1/requests-for-details/{denied.Id}", PerimeterJson.Options, ct);
        Assert.Equal("Ongoing operation.", view!.DenialReason);
        Assert.Null(view.Details);

        // The urgent one is not answered within its hour: escalated at gt.igm, reported overdue on both sides.
        pair.Gt.Running.Time.Advance(TimeSpan.FromHours(2));
        pair.Us.Running.Time.Advance(TimeSpan.FromHours(2));
        await FederationNode.EventuallyAsync(async () => await pair.Gt.QueryAsync(db => db.RequestsForDetails.AnyAsync(r => r.Id == waiting.Id && r.EscalatedAt != null)), "the escalation", ct);
        var overdue = await supervisor.GetFromJsonAsync<List<RequestForDetailsView>>("/api/v1/requests-for-details?overdue=true", PerimeterJson.Options, ct);
        Assert.Equal(waiting.Id, Assert.Single(overdue!).Id);
        var reported = await analyst.GetFromJsonAsync<List<RequestForDetailsView>>("/api/v1/requests-for-details?overdue=true", PerimeterJson.Options, ct);
        Assert.Equal(waiting.Id, Assert.Single(reported!).Id);
        Assert.Single(await pair.Gt.Running.AuditAsync(AuditAction.DetailsEscalated, waiting.Id, ct));
    }

    private static async Task<PartnerStatus> StatusOfAsync(HttpClient supervisor, string partner, CancellationToken ct) =>
        (await supervisor.GetFromJsonAsync<List<PartnerStatus>>("/api/v1/partners/status", PerimeterJson.Options, ct))!.Single(s => s.Agency == partner);

    private static async Task<Guid> HitAsync(QueryPair pair, CancellationToken ct)
    {
        using var officer = await pair.Us.Running.ClientAsync("us.cbp", Role.Officer, ct, Purposes.CounterNarcotics);
        var result = PerimeterJson.Deserialize<PartnerQueryResult>(await (await officer.PostAsJsonAsync("/api/v1/screen/partners",
            new { name = "Joaquin Guzman Loera", dateOfBirth = "1957-04-04" }, ct)).Content.ReadAsStringAsync(ct));
        return Assert.Single(result.Answers).Reference ?? throw new Xunit.Sdk.XunitException("no hit");
    }

    private static async Task<QueryPair> QueryPairAsync(CancellationToken ct)
    {
        var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        var gt = await FederationNode.StartAsync("gt.igm", Database.Sqlite, ct);
        await FederationNode.JoinAsync(us, gt, ct, a => a with { Mode = AgreementMode.Query });
        return new QueryPair(us, gt);
    }

    private sealed record QueryPair(FederationNode Us, FederationNode Gt) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Us.DisposeAsync();
            await Gt.DisposeAsync();
        }
    }
}

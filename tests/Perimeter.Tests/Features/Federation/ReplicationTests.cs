using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Tests.Infrastructure;
using static Perimeter.Tests.Features.Federation.Federations;

namespace Perimeter.Tests.Features.Federation;

/// <summary>Two and three real nodes on loopback, each with its own database, talking HTTPS with mutual TLS.</summary>
public sealed class ReplicationTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_alert_published_at_us_cbp_reaches_mx_inm_and_its_update_and_retraction_follow(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", database, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", database, ct);
        await FederationNode.JoinAsync(us, mx, ct);

        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is { Version: 1 }, "the copy at mx.inm", ct);

        var copy = (await mx.CopyAsync(alert.Id))!;
        Assert.True(copy.IsPartnerCopy);
        Assert.Equal("us.cbp", copy.Originator);
        using var mexicanOfficer = await mx.Running.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var read = await mexicanOfficer.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{alert.Id}", PerimeterJson.Options, ct);
        Assert.Equal("us.cbp", read!.Originator);

        // A copy is read-only where it is held.
        using var mexicanAnalyst = await mx.Running.ClientAsync("mx.inm", Role.Analyst, ct);
        var edit = await mexicanAnalyst.PutAsJsonAsync($"/api/v1/alerts/{alert.Id}", AnAlert.Person() with { Narrative = "Changed at mx." }, PerimeterJson.Options, ct);
        Assert.True(edit.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"edit of a copy answered {(int)edit.StatusCode}");

        using var usAnalyst = await us.Running.ClientAsync("us.cbp", Role.Analyst, ct);
        (await usAnalyst.PutAsJsonAsync($"/api/v1/alerts/{alert.Id}", AnAlert.Person() with { Narrative = "Seen in Tijuana." }, PerimeterJson.Options, ct)).EnsureSuccessStatusCode();
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is { Version: 2, Narrative: "Seen in Tijuana." }, "the update at mx.inm", ct);

        (await usAnalyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new RetractRequest("Arrested."), PerimeterJson.Options, ct)).EnsureSuccessStatusCode();
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is { Version: 3, Status: AlertStatus.Retracted }, "the retraction at mx.inm", ct);
        Assert.Equal(HttpStatusCode.NotFound, (await mexicanOfficer.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);

        // The originator sees, from mx.inm's signed receipt, that its copy is retracted.
        await FederationNode.EventuallyAsync(async () =>
        {
            var copies = await usAnalyst.GetFromJsonAsync<List<PartnerCopyView>>($"/api/v1/alerts/{alert.Id}/copies", PerimeterJson.Options, ct);
            return copies is [{ Partner: "mx.inm", HeldVersion: 3, HeldStatus: "retracted" }];
        }, "the receipt for version 3", ct);
        var receipt = (await usAnalyst.GetFromJsonAsync<List<PartnerCopyView>>($"/api/v1/alerts/{alert.Id}/copies", PerimeterJson.Options, ct))![0].Receipt!;
        Assert.True(CertificatePin.Verifies(mx.Identity.Certificate, receipt.Payload, receipt.Signature));

        // The copy proves its origin: the stored document verifies against us.cbp's certificate.
        var held = await mx.QueryAsync(db => db.ReceivedCopies.AsNoTracking().SingleAsync(c => c.AlertId == alert.Id));
        Assert.True(CertificatePin.Verifies(us.Identity.Certificate, held.Payload, held.Signature));

        // mx.inm's operator sees what it holds from us.cbp without opening the database: counts by status, the last
        // version received, and, for an admin only and audited, the retracted copy itself (ids and versions, no content).
        using var mexicanAdmin = await mx.Running.ClientAsync("mx.inm", Role.Admin, ct);
        var status = (await mexicanAdmin.GetFromJsonAsync<List<PartnerStatus>>("/api/v1/partners/status", PerimeterJson.Options, ct))!.Single();
        Assert.Equal((new HeldCopies(0, 1, 0, 0), alert.Id, 3), (status.Held, status.LastReceived?.AlertId, status.LastReceived?.Version));
        Assert.Contains(await mx.Running.AuditAsync(AuditAction.Read, "us.cbp", ct), r => r.Target == "partner-status");
        var retracted = await mexicanAdmin.GetFromJsonAsync<Paged<HeldCopyView>>("/api/v1/partners/us.cbp/held?status=retracted", PerimeterJson.Options, ct);
        Assert.Equal((alert.Id, 3, AlertStatus.Retracted), (retracted!.Items.Single().AlertId, retracted.Items[0].Version, retracted.Items[0].Status));
        Assert.Empty((await mexicanAdmin.GetFromJsonAsync<Paged<HeldCopyView>>("/api/v1/partners/us.cbp/held?status=active", PerimeterJson.Options, ct))!.Items);
        Assert.Equal(HttpStatusCode.Forbidden, (await mexicanAnalyst.GetAsync("/api/v1/partners/us.cbp/held", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mexicanAdmin.GetAsync("/api/v1/partners/gt.igm/held", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await mexicanAdmin.GetAsync("/api/v1/partners/us.cbp/held?status=gone", ct)).StatusCode);
        Assert.Contains(await mx.Running.AuditAsync(AuditAction.Read, alert.Id.ToString(), ct), r => r.Detail?.StartsWith("held-from=us.cbp", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Nothing_reaches_gt_igm_from_us_cbp_under_a_query_agreement_and_the_third_party_rule_holds_at_mx_inm()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await using var gt = await FederationNode.StartAsync("gt.igm", Database.Sqlite, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        await FederationNode.JoinAsync(mx, gt, ct);
        await FederationNode.JoinAsync(us, gt, ct, a => a with { Mode = AgreementMode.Query });

        // Released to Guatemala by country, under the third-party rule: mx.inm may not pass it on.
        var guarded = await us.Running.PublishAsync(AnAlert.Person().ReleasedTo(Handling.ThirdPartyRule, "mx.inm", "GT"), ct);
        // Released to gt.igm by id: the originator's consent to pass it on.
        var consented = await us.Running.PublishAsync(AnAlert.Person("Rafael", "Caro Quintero").ReleasedTo(Handling.ThirdPartyRule, "mx.inm", "gt.igm"), ct);
        var noFurther = await us.Running.PublishAsync(AnAlert.Person("Ismael", "Zambada").ReleasedTo(Handling.NoFurtherDissemination, "mx.inm", "gt.igm"), ct);

        await FederationNode.EventuallyAsync(async () => await mx.CopiesFromAsync("us.cbp") == 3, "three copies at mx.inm", ct);
        await FederationNode.EventuallyAsync(async () => await gt.CopyAsync(consented.Id) is not null, "the consented copy at gt.igm", ct);
        // mx.inm has considered passing on all three copies: what it refused will not follow later.
        await mx.Running.RunFederationAsync(ct);

        Assert.Null(await gt.CopyAsync(guarded.Id));
        Assert.Null(await gt.CopyAsync(noFurther.Id));
        Assert.Equal(1, await gt.CopiesFromAsync("us.cbp"));
        Assert.Empty(await OutboxAsync(us, "gt.igm"));
        Assert.DoesNotContain(await OutboxAsync(mx, "gt.igm"), m => m.AlertId == guarded.Id || m.AlertId == noFurther.Id);
        Assert.Equal(1, await AuditCountAsync(mx, AuditAction.FederationRefused, "third-party-rule"));
        Assert.Equal(1, await AuditCountAsync(mx, AuditAction.FederationRefused, "no-further-dissemination"));

        // gt.igm's copy came through mx.inm and still proves it is us.cbp's.
        var held = await gt.QueryAsync(db => db.ReceivedCopies.AsNoTracking().SingleAsync(c => c.AlertId == consented.Id));
        Assert.Equal(("us.cbp", "mx.inm"), (held.Originator, held.ReceivedFrom));
        Assert.True(CertificatePin.Verifies(us.Identity.Certificate, held.Payload, held.Signature));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_thousand_alerts_published_while_mx_inm_is_down_all_arrive_once_and_in_version_order(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", database, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", database, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        await mx.StopAsync();

        var alerts = Enumerable.Range(0, 1000).Select(i => AnAlert.Person("Subject", $"Number {i}")).ToList();
        await ImportAsync(us, alerts, ct);
        await ImportAsync(us, [.. alerts.Select(a => a with { Narrative = "Second version." })], ct);
        await FederationNode.EventuallyAsync(async () => (await OutboxAsync(us, "mx.inm")).Count == 2000, "2,000 messages queued", ct);
        await FederationNode.EventuallyAsync(async () =>
        {
            await using var scope = us.Running.Services.CreateAsyncScope();
            return (await scope.ServiceProvider.GetRequiredService<PartnerService>().StatusAsync(Caller.Operator("us.cbp"), ct)) is [{ ConsecutiveFailures: > 0, QueueDepth: 2000, OldestUndeliveredAt: not null }];
        }, "the outage in partners status", ct);

        await mx.RestartAsync(ct);
        await FederationNode.EventuallyAsync(async () => await mx.QueryAsync(db => db.Alerts.CountAsync(a => a.IsPartnerCopy && a.Version == 2)) == 1000,
            "1,000 copies at version 2", ct, seconds: 120);

        var versions = await mx.QueryAsync(db => db.AlertVersions.AsNoTracking().Select(v => new { v.AlertId, v.Version, v.At }).ToListAsync());
        Assert.Equal(2000, versions.Count);
        Assert.All(versions.GroupBy(v => v.AlertId), g =>
        {
            var ordered = g.OrderBy(v => v.Version).ToList();
            Assert.Equal([1, 2], ordered.Select(v => v.Version));
            Assert.True(ordered[0].At <= ordered[1].At);
        });
        Assert.Equal(2000, await AuditCountAsync(mx, AuditAction.FederationReceived));
        await FederationNode.EventuallyAsync(async () => (await OutboxAsync(us, "mx.inm")).All(m => m.DeliveredAt is not null), "every message acknowledged", ct);
    }

    [Fact]
    public async Task Partners_retry_ends_a_back_off_at_once_and_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        await mx.StopAsync();
        await ImportAsync(us, [AnAlert.Person()], ct);
        await FederationNode.EventuallyAsync(async () => await us.QueryAsync(db => db.Partners.AnyAsync(p => p.ConsecutiveFailures > 0)), "a failed delivery", ct);
        // A long outage: the sender now waits up to an hour between attempts.
        var schedule = us.Running.Services.GetRequiredService<DeliverySchedule>();
        for (var i = 0; i < 20; i++)
            schedule.Failed("mx.inm", TimeSpan.FromHours(1));
        await mx.RestartAsync(ct);
        await us.Running.RunFederationAsync(ct);
        Assert.Equal(0, await mx.QueryAsync(db => db.Alerts.CountAsync(a => a.IsPartnerCopy)));

        using var admin = await us.Running.ClientAsync("us.cbp", Role.Admin, ct);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/v1/partners/gt.igm/retry", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/v1/partners/mx.inm/retry", null, ct)).StatusCode);
        await us.Running.RunFederationAsync(ct);

        Assert.Equal(1, await mx.QueryAsync(db => db.Alerts.CountAsync(a => a.IsPartnerCopy)));
        Assert.Equal(1, await AuditCountAsync(us, AuditAction.PartnerRetried));
    }

    [Fact]
    public async Task Duplicated_and_reordered_deliveries_apply_each_version_once_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        // us.cbp knows mx.inm at a dead address, so its own deliveries fail; the test delivers by hand.
        await us.PinAsync(mx, ct, url: "https://127.0.0.1:9");
        await mx.PinAsync(us, ct);
        await us.AgreeAsync("mx.inm", ct);
        await mx.AgreeAsync("us.cbp", ct);

        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);
        using var usAnalyst = await us.Running.ClientAsync("us.cbp", Role.Analyst, ct);
        (await usAnalyst.PutAsJsonAsync($"/api/v1/alerts/{alert.Id}", AnAlert.Person() with { Narrative = "v2" }, PerimeterJson.Options, ct)).EnsureSuccessStatusCode();
        (await usAnalyst.PutAsJsonAsync($"/api/v1/alerts/{alert.Id}", AnAlert.Person() with { Narrative = "v3" }, PerimeterJson.Options, ct)).EnsureSuccessStatusCode();
        await FederationNode.EventuallyAsync(async () => (await OutboxAsync(us, "mx.inm")).Count == 3, "three versions queued", ct);
        var outbox = await OutboxAsync(us, "mx.inm");
        var (v1, v2, v3) = (outbox[0], outbox[1], outbox[2]);

        var first = await ReadResultAsync(await PostAsync(us, mx, [Message(v3, "mx.inm")], ct), ct);
        Assert.Equal(MessageOutcome.OutOfOrder, first.Results[0].Outcome);
        Assert.Null(await mx.CopyAsync(alert.Id));

        var second = await ReadResultAsync(await PostAsync(us, mx, [Message(v1, "mx.inm"), Message(v1, "mx.inm"), Message(v3, "mx.inm"), Message(v2, "mx.inm")], ct), ct);
        Assert.Equal([MessageOutcome.Applied, MessageOutcome.Duplicate, MessageOutcome.OutOfOrder, MessageOutcome.Applied], second.Results.Select(r => r.Outcome));

        var third = await ReadResultAsync(await PostAsync(us, mx, [Message(v3, "mx.inm"), Message(v2, "mx.inm"), Message(v3, "mx.inm")], ct), ct);
        Assert.Equal([MessageOutcome.Applied, MessageOutcome.Duplicate, MessageOutcome.Duplicate], third.Results.Select(r => r.Outcome));

        Assert.Equal("v3", (await mx.CopyAsync(alert.Id))!.Narrative);
        var versions = await mx.QueryAsync(db => db.AlertVersions.AsNoTracking().Where(v => v.AlertId == alert.Id).OrderBy(v => v.At).ThenBy(v => v.Version).Select(v => v.Version).ToListAsync());
        Assert.Equal([1, 2, 3], versions);
        Assert.Equal(3, await AuditCountAsync(mx, AuditAction.FederationReceived));
        // Nothing applied twice, and nothing silent: each duplicate and each version that came too early is on record.
        Assert.Equal(3, await AuditCountAsync(mx, AuditAction.FederationDuplicate));
        Assert.Equal(2, await AuditCountAsync(mx, AuditAction.FederationOutOfOrder));
    }

    [Fact]
    public async Task Suspending_an_agreement_stops_the_flow_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await us.PinAsync(mx, ct);
        await mx.PinAsync(us, ct);
        var ours = await us.AgreeAsync("mx.inm", ct);
        await mx.AgreeAsync("us.cbp", ct);
        var before = await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(before.Id) is not null, "the first copy", ct);

        using var supervisor = await us.Running.ClientAsync("us.cbp", Role.Supervisor, ct);
        (await supervisor.PostAsync($"/api/v1/agreements/{ours.Id}/suspend", null, ct)).EnsureSuccessStatusCode();
        var after = await us.Running.PublishAsync(AnAlert.Person("Rafael", "Caro Quintero"), ct);
        // Relays the new alert and delivers whatever is due: under an agreement in force, its copy would be at mx.inm now.
        await us.Running.RunFederationAsync(ct);

        Assert.Null(await mx.CopyAsync(after.Id));
        Assert.Single(await us.Running.AuditAsync(AuditAction.AgreementSuspended, ours.Id, ct));
    }

    [Fact]
    public async Task A_copy_past_the_agreements_retention_is_purged_audited_and_receipted_to_the_originator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await us.PinAsync(mx, ct);
        await mx.PinAsync(us, ct);
        await us.AgreeAsync("mx.inm", ct);
        await mx.AgreeAsync("us.cbp", ct, a => a with { RetentionDays = 1 });
        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is not null, "the copy", ct);

        mx.Running.Time.Advance(TimeSpan.FromDays(2));
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is { Status: AlertStatus.Purged, Narrative: null }, "the purge at mx.inm", ct);
        Assert.Single(await mx.Running.AuditAsync(AuditAction.Purged, alert.Id, ct));
        await FederationNode.EventuallyAsync(async () =>
            await us.QueryAsync(db => db.PartnerCopies.AnyAsync(c => c.AlertId == alert.Id && c.HeldStatus == "purged")), "the purge receipt at us.cbp", ct);
    }

    [Fact]
    public async Task The_originator_gets_a_signed_log_of_who_read_its_alert_abroad()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is not null, "the copy", ct);
        using var mexicanOfficer = await mx.Running.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        (await mexicanOfficer.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).EnsureSuccessStatusCode();

        using var supervisor = await us.Running.ClientAsync("us.cbp", Role.Supervisor, ct);
        var log = await supervisor.GetFromJsonAsync<ReadLogView>("/api/v1/partners/mx.inm/read-log", PerimeterJson.Options, ct);

        var entry = Assert.Single(log!.Entries);
        Assert.Equal((alert.Id, "mx.inm", "counter-narcotics", "read"), (entry.AlertId, entry.Agency, entry.Purpose, entry.Action));
        Assert.True(CertificatePin.Verifies(mx.Identity.Certificate, log.Document!.Payload, log.Document.Signature));
        Assert.Single(await mx.Running.AuditAsync(AuditAction.ReadLogServed, "us.cbp", ct));
        Assert.Single(await us.Running.AuditAsync(AuditAction.ReadLogRequested, "mx.inm", ct));
        // An officer may not ask for it.
        using var officer = await us.Running.ClientAsync("us.cbp", Role.Officer, ct);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/partners/mx.inm/read-log", ct)).StatusCode);
    }

    [Fact]
    public async Task The_review_by_date_travels_with_the_alert_and_the_copy_expires_on_it()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        var reviewBy = new DateOnly(2027, 1, 15);
        var alert = await us.Running.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReviewBy = reviewBy }), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is not null, "the copy", ct);
        Assert.Equal(reviewBy, (await mx.CopyAsync(alert.Id))!.ReviewBy);

        mx.Running.Time.Advance(TimeSpan.FromDays(60));
        await mx.Running.RunRetentionAsync(ct);

        Assert.Equal(AlertStatus.Expired, (await mx.CopyAsync(alert.Id))!.Status);
        using var mexicanOfficer = await mx.Running.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        Assert.Equal(HttpStatusCode.NotFound, (await mexicanOfficer.GetAsync($"/api/v1/alerts/{alert.Id}", ct)).StatusCode);
        // The originator's next version still applies: the copy kept the originator's version numbers.
        using var usAnalyst = await us.Running.ClientAsync("us.cbp", Role.Analyst, ct);
        (await usAnalyst.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/retract", new RetractRequest("Withdrawn."), PerimeterJson.Options, ct)).EnsureSuccessStatusCode();
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is { Version: 2, Status: AlertStatus.Retracted }, "the retraction after expiry", ct);
    }

    [Fact]
    public async Task A_hit_confirmed_at_mx_inm_on_a_us_cbp_alert_is_reported_to_us_cbp_when_the_agreement_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", Database.Sqlite, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", Database.Sqlite, ct);
        await FederationNode.JoinAsync(us, mx, ct, a => a with { HitReporting = true });
        var reported = await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(reported.Id) is not null, "the copy", ct);

        using var officer = await mx.Running.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var subject = new Perimeter.Features.Screening.ScreenRequest { Name = "Joaquín Guzmán Loera" };
        (await officer.PostAsJsonAsync("/api/v1/screen/decisions", new Perimeter.Features.Screening.DecisionRequest(
            subject, reported.Id, Perimeter.Features.Screening.DecisionOutcome.Confirmed, "Passport matches."), PerimeterJson.Options, ct)).EnsureSuccessStatusCode();

        await FederationNode.EventuallyAsync(async () => await us.QueryAsync(db => db.Notifications.AnyAsync(n =>
            n.AlertId == reported.Id && n.Kind == Perimeter.Features.Retention.NotificationKind.HitReported)), "the hit report at us.cbp", ct);
        var audited = Assert.Single(await us.Running.AuditAsync(AuditAction.HitReported, reported.Id, ct));
        Assert.Contains("mx.inm", audited.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Passport", audited.Detail, StringComparison.Ordinal);
    }
}

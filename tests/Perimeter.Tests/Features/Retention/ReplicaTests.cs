using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Retention;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Retention;

// Two replicas of one node on one database, as behind a load balancer. Each has a fake clock of its own:
// tests move both.
public sealed class ReplicaTests
{
    private const int Alerts = 50;

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Replicas_started_together_on_a_new_database_all_come_up(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var shared = await TestDatabase.CreateAsync(database, ct);

        var starting = Enumerable.Range(0, 3).Select(_ => TestNode.StartAsync(database, ct, shared: shared)).ToList();

        try
        {
            await Task.WhenAll(starting);
            await using var db = shared.Open();
            Assert.Single(await db.Agencies.Where(x => x.IsThisNode).ToListAsync(ct));
            Assert.Equal(Enum.GetValues<Role>().Length, await db.Roles.CountAsync(ct));
            Assert.Single(await db.AuditRecords.Where(r => r.Action == AuditAction.AgencyAdded).ToListAsync(ct));
        }
        finally
        {
            foreach (var start in starting.Where(t => t.IsCompletedSuccessfully))
                await (await start).DisposeAsync();
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task What_one_replica_writes_the_other_reads_at_once(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = await TestNode.StartAsync(database, ct);
        await using var b = await TestNode.StartAsync(database, ct, shared: a.Database);
        using var throughA = await a.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var throughB = await b.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        var content = AnAlert.Person();

        var published = await a.PublishAsync(content, ct);
        var readThroughB = await throughB.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{published.Id}", PerimeterJson.Options, ct);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/alerts/{published.Id}")
        {
            Content = JsonContent.Create(content with { Narrative = "Seen in Culiacán last week." }, options: PerimeterJson.Options),
        };
        update.Headers.IfMatch.ParseAdd($"\"{published.Version}\"");
        var updated = await throughB.SendAsync(update, ct);
        var readThroughA = await throughA.GetFromJsonAsync<AlertView>($"/api/v1/alerts/{published.Id}", PerimeterJson.Options, ct);

        Assert.Equal((published.Version, "Test subject."), (readThroughB!.Version, readThroughB.Narrative));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal((published.Version + 1, "Seen in Culiacán last week."), (readThroughA!.Version, readThroughA.Narrative));
        await using var db = a.Database.Open();
        var check = await AuditChain.VerifyAsync(db, ct);
        Assert.True(check.IsIntact, check.FirstBrokenLink?.Reason);
        Assert.Equal(await db.AuditRecords.CountAsync(ct), check.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Retention_run_on_both_replicas_at_once_does_each_step_once_per_alert(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        // Small batches, so that the runs interleave batch by batch; no grace period, so that expiry and
        // deletion race each other too. The clock moves less than one interval of the nodes' own retention
        // service, so only the runs started here can expire anything.
        var settings = NodeJobs.DailyRetention();
        settings["Node:Retention:BatchSize"] = "7";
        settings["Node:Retention:GraceDays"] = "0";
        await using var a = await TestNode.StartAsync(database, ct, settings: settings);
        await using var b = await TestNode.StartAsync(database, ct, shared: a.Database, settings: settings);
        var start = a.Time.GetUtcNow();
        var tomorrow = DateOnly.FromDateTime(start.UtcDateTime).AddDays(1);
        var contents = Enumerable.Range(1, Alerts)
            .Select(i => AnAlert.Person($"Given{i}", "Surname").WithMarkings(m => m with { ReviewBy = tomorrow }))
            .ToList();
        await using (var scope = a.Services.CreateAsyncScope())
        {
            var import = await scope.ServiceProvider.GetRequiredService<AlertWriter>().ImportAsync(contents, "replica-test", Caller.Operator(TestNode.Agency), ct);
            Assert.Equal(Alerts, import.Created);
        }

        await RunOnBothAsync(a, b, ct);
        await AssertOnceEachAsync(a.Database, AuditAction.ReviewWarned, null, ct);
        var midnight = new DateTimeOffset(tomorrow.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        a.Time.Advance(midnight - start);
        b.Time.Advance(midnight - start);
        var runs = await RunOnBothAsync(a, b, ct);

        Assert.Equal((Alerts, Alerts), (runs.Sum(r => r.Expired), runs.Sum(r => r.Purged)));
        await AssertOnceEachAsync(a.Database, AuditAction.Expired, AlertChangeKind.Expired, ct);
        await AssertOnceEachAsync(a.Database, AuditAction.Purged, AlertChangeKind.Purged, ct);
        await using var db = a.Database.Open();
        Assert.Equal(Alerts, await db.Alerts.CountAsync(x => x.Status == AlertStatus.Purged, ct));
        var check = await AuditChain.VerifyAsync(db, ct);
        Assert.True(check.IsIntact, check.FirstBrokenLink?.Reason);
        Assert.Equal(await db.AuditRecords.CountAsync(ct), check.Count);
    }

    // Two runs per replica: the hosted service and an operator's run can overlap on one replica too.
    private static Task<RetentionRun[]> RunOnBothAsync(TestNode a, TestNode b, CancellationToken ct) =>
        Task.WhenAll(a.RunRetentionAsync(ct), b.RunRetentionAsync(ct), a.RunRetentionAsync(ct), b.RunRetentionAsync(ct));

    /// <summary>Every alert has exactly one audit record of <paramref name="action"/> and one version of <paramref name="change"/>.</summary>
    private static async Task AssertOnceEachAsync(TestDatabase database, AuditAction action, AlertChangeKind? change, CancellationToken ct)
    {
        await using var db = database.Open();
        var ids = (await db.Alerts.Select(x => x.Id).ToListAsync(ct)).Select(id => id.ToString("D"));
        var targets = await db.AuditRecords.Where(r => r.Action == action).Select(r => r.TargetIds).ToListAsync(ct);
        Assert.Equal(ids.Order(StringComparer.Ordinal), targets.Order(StringComparer.Ordinal));
        // A warning makes no version; it leaves a notification instead.
        if (change is null)
        {
            Assert.Equal(Alerts, await db.Notifications.CountAsync(ct));
            return;
        }
        var versions = await db.AlertVersions.Where(v => v.Change == change).Select(v => v.AlertId).ToListAsync(ct);
        Assert.Equal(Alerts, versions.Count);
        Assert.Equal(Alerts, versions.Distinct().Count());
    }
}

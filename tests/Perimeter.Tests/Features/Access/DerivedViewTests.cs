using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Components;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Retention;
using Perimeter.Features.Screening;
using Perimeter.Storage;
using Perimeter.Tests.Infrastructure;
using static Perimeter.Tests.Features.Access.Combinations;

namespace Perimeter.Tests.Features.Access;

/// <summary>
/// Everything made from an alert — standing-subject matches, the hits inbox, notifications, batch results and the
/// dashboard's counts — shows, for every caller and every combination of markings, exactly the alerts a single read
/// would allow, on both databases; and reading each view is audited with no alert the caller may not see.
/// </summary>
public sealed class DerivedViewTests
{
    private static readonly Dictionary<string, string?> NoBackgroundRuns = new(StringComparer.Ordinal)
    {
        ["Node:Screening:StandingSubjectSeconds"] = "3600",
        ["Node:Screening:BatchPollSeconds"] = "3600",
    };

    /// <summary>Roles that read alerts and roles that do not, for a purpose the alerts allow, another, and none.</summary>
    private static readonly Caller[] Readers = [.. Callers([[Role.Officer], [Role.Analyst], [Role.Auditor], []], CallerPurposes)];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_view_made_from_an_alert_shows_exactly_what_the_policy_allows_the_caller_now(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct, settings: NoBackgroundRuns);
        var policy = node.Services.GetRequiredService<AccessPolicy>();
        var broken = new List<string>();
        var shown = 0;

        // Groups small enough that no view's page cuts them: the comparison is then exact.
        foreach (var group in AllAlerts().GroupBy(a => (a.Status, a.IsPartnerCopy)))
        {
            var alerts = group.ToList();
            var jobs = await StoreWithDerivedRecordsAsync(node, alerts, ct);
            foreach (var caller in Readers)
            {
                var allowed = alerts.Where(a => policy.Decide(caller, a).IsAllowed).Select(a => a.Id).ToHashSet();
                var views = await ReadEveryViewAsync(node, caller, jobs[caller.Agency], ct);
                foreach (var (view, ids) in views.Shown)
                {
                    if (!ids.SetEquals(allowed))
                        broken.Add($"{view} shows {ids.Count} of {allowed.Count} allowed ({ids.Except(allowed).Count()} not allowed) "
                            + $"to {Describe(caller, alerts[0])} and the rest of its group");
                    shown += ids.Count;
                }
                foreach (var (view, count) in views.Counted)
                {
                    if (count != allowed.Count)
                        broken.Add($"{view} counts {count}, not {allowed.Count}, for {Describe(caller, alerts[0])} and the rest of its group");
                }
                if (views.Withheld != 2 * (alerts.Count - allowed.Count))
                    broken.Add($"the hits inbox withholds {views.Withheld}, not {2 * (alerts.Count - allowed.Count)}, from {Describe(caller, alerts[0])}");
                if (views.Audited.Except(allowed).Any())
                    broken.Add($"the audit of {Describe(caller, alerts[0])}'s reads names an alert it may not see");
            }
        }

        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken.Take(20)));
        Assert.True(shown > 1_000, $"only {shown} items shown in all: the comparison proved little");
    }

    private sealed record Views(List<(string View, HashSet<Guid> Ids)> Shown, List<(string View, int Count)> Counted, int Withheld, HashSet<Guid> Audited);

    private static async Task<Views> ReadEveryViewAsync(TestNode node, Caller caller, Guid job, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PerimeterDb>();
        var before = await db.AuditRecords.MaxAsync(r => r.Sequence, ct);
        var inbox = services.GetRequiredService<HitsInbox>();
        var hits = await inbox.ListAsync(caller, null, ct);
        var matches = await inbox.StandingMatchesAsync(caller, null, ct);
        var notifications = await services.GetRequiredService<NotificationInbox>().ListAsync(caller, ct);
        var results = await services.GetRequiredService<BatchJobs>().ResultsAsync(job, caller, ct);
        var dashboard = await services.GetRequiredService<DashboardFigures>().ReadAsync(caller, ct);
        var audited = (await db.AuditRecords.AsNoTracking().Where(r => r.Sequence > before).Select(r => r.TargetIds).ToListAsync(ct))
            .SelectMany(ids => (ids ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(Guid.Parse).Where(id => id != job).ToHashSet();
        return new Views(
            [
                ("the hits inbox's decisions", hits.Hits.Where(h => h.Source == HitSource.Decision).Select(h => h.AlertId).ToHashSet()),
                ("the hits inbox's standing matches", hits.Hits.Where(h => h.Source == HitSource.StandingSubject).Select(h => h.AlertId).ToHashSet()),
                ("the standing-subject matches", matches.Select(m => m.AlertId).ToHashSet()),
                ("the notifications", notifications.Select(n => n.AlertId).ToHashSet()),
                ("the batch results", ScreeningInput.AlertIdsOfResults(results!.Csv!).ToHashSet()),
            ],
            [("the dashboard's confirmed hits", dashboard.ConfirmedToday), ("the dashboard's standing matches", dashboard.StandingMatchesToday)],
            hits.Withheld,
            audited);
    }

    /// <summary>
    /// Stores the alerts, and for every agency one decision, one standing match and one notification on each, and a batch
    /// job whose results name each: the records a view is made from, as the node would have made them while the alert
    /// was visible. Earlier groups' records are removed first. Returns each agency's batch job.
    /// </summary>
    private static async Task<Dictionary<string, Guid>> StoreWithDerivedRecordsAsync(TestNode node, List<Alert> alerts, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerimeterDb>();
        await db.Set<ScreeningDecision>().ExecuteDeleteAsync(ct);
        await db.Set<StandingMatch>().ExecuteDeleteAsync(ct);
        await db.Notifications.ExecuteDeleteAsync(ct);
        await db.Set<BatchJob>().ExecuteDeleteAsync(ct);
        var now = node.Time.GetUtcNow();
        var jobs = new Dictionary<string, Guid>(StringComparer.Ordinal);
        db.Alerts.AddRange(alerts);
        foreach (var agency in Agencies)
        {
            var subject = Guid.NewGuid();
            foreach (var alert in alerts)
            {
                db.Add(new ScreeningDecision
                {
                    Id = Guid.NewGuid(), Agency = agency, SubjectKey = "subject", AlertId = alert.Id, AlertSubjectHash = "hash", AlertVersion = 1,
                    Outcome = DecisionOutcome.Confirmed, Reason = "Same person.", DecidedBy = "officer", At = now,
                });
                db.Add(new StandingMatch
                {
                    Id = Guid.NewGuid(), StandingSubjectId = subject, Agency = agency, AlertId = alert.Id, AlertVersion = 1, AlertSubjectHash = "hash",
                    Score = 0.99, Band = Matching.Screening.Band.Strong, Explanation = "name: exact", At = now,
                });
                db.Notifications.Add(new Notification
                {
                    Id = Guid.NewGuid(), Agency = agency, Kind = NotificationKind.StandingMatch, AlertId = alert.Id, DueOn = new DateOnly(2026, 11, 29), CreatedAt = now,
                });
            }
            var results = string.Join('\n', alerts.Select((a, i) => string.Create(CultureInfo.InvariantCulture, $"q{i},1,{a.Id},0.9900,strong,name: exact,,")));
            var job = new BatchJob
            {
                Id = Guid.NewGuid(), Agency = agency, CreatedBy = "officer", Roles = "Officer", Purpose = Purposes.Migration, Status = BatchStatus.Done,
                Total = alerts.Count, Done = alerts.Count, InputCsv = "", CreatedAt = now,
                ResultCsv = "query_id,rank,alert_ref,score,band,explanation,evidence_for,evidence_against\n" + results + "\n",
            };
            db.Add(job);
            jobs[agency] = job.Id;
        }
        await db.SaveChangesAsync(ct);
        return jobs;
    }
}

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Retention;
using Perimeter.Matching.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>
/// When alerts are added or changed, screens every standing subject against just those alerts and raises
/// only new matches: a pair already raised for the same alert content, or already decided, is skipped.
/// One replica at a time runs it; its place in the change feed is kept in the database.
/// </summary>
public sealed class StandingSubjectJob(PerimeterDb db, ScreeningIndex index, AccessPolicy policy, AuditLog audit, TimeProvider time)
{
    private const string CursorName = "standing-subjects";
    private const long JobLock = 0x5045_5249_0003;
    private const int ChangesPerRun = 2_000;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var snapshot = await index.EnsureCurrentAsync(db, ct);
        return await db.WriteAsync(async token =>
        {
            if (!await db.TryLockJobAsync(JobLock, token))
                return 0;
            var cursor = await db.Set<JobCursor>().SingleOrDefaultAsync(c => c.Job == CursorName, token);
            if (cursor is null)
            {
                // The first run starts from now: subjects registered later are screened whole when registered.
                db.Add(new JobCursor { Job = CursorName, Sequence = snapshot.Sequence });
                return 0;
            }
            var changed = await db.AlertChanges.AsNoTracking()
                .Where(c => c.Sequence > cursor.Sequence && c.Sequence <= snapshot.Sequence)
                .OrderBy(c => c.Sequence).Take(ChangesPerRun)
                .Select(c => new { c.Sequence, c.AlertId })
                .ToListAsync(token);
            if (changed.Count == 0)
                return 0;
            cursor.Sequence = changed[^1].Sequence;
            var alertIds = changed.Select(c => c.AlertId).Where(snapshot.Alerts.ContainsKey).ToHashSet();
            if (alertIds.Count == 0)
                return 0;

            var raised = 0;
            var subjects = await db.Set<StandingSubject>().Where(s => s.RetiredAt == null).ToListAsync(token);
            foreach (var subject in subjects)
            {
                var caller = CallerFor(subject);
                var request = PerimeterJson.Deserialize<ScreenRequest>(subject.RequestJson);
                var matches = snapshot.Watchlist.Screen(request.ToSubject(), ScreeningOptions.Default with { Top = 20, Kind = AlertSubjects.SubjectKindOf(request.Kind) },
                    id => alertIds.Contains(id) && policy.Decide(caller, snapshot.Alerts[id]).IsAllowed);
                foreach (var match in matches)
                {
                    if (await IsKnownAsync(subject, request, snapshot.Alerts[match.Id], token))
                        continue;
                    Raise(subject, snapshot.Alerts[match.Id], match);
                    await audit.AppendAsync(caller, new AuditEntry(AuditAction.StandingMatch, "alert", [match.Id],
                        Detail: $"standing-subject={subject.Id} band={match.Band.ToString().ToLowerInvariant()}"), token);
                    raised++;
                }
            }
            return raised;
        }, ct);
    }

    /// <summary>Screens a newly registered subject against every alert, and raises what it finds.</summary>
    public async Task<IReadOnlyList<StandingMatch>> ScreenNowAsync(StandingSubject subject, CancellationToken ct)
    {
        var snapshot = await index.EnsureCurrentAsync(db, ct);
        var caller = CallerFor(subject);
        var request = PerimeterJson.Deserialize<ScreenRequest>(subject.RequestJson);
        var matches = snapshot.Watchlist.Screen(request.ToSubject(), ScreeningOptions.Default with { Top = 20, Kind = AlertSubjects.SubjectKindOf(request.Kind) },
            id => snapshot.Alerts.TryGetValue(id, out var alert) && policy.Decide(caller, alert).IsAllowed);
        return [.. matches.Select(m => Raise(subject, snapshot.Alerts[m.Id], m))];
    }

    private StandingMatch Raise(StandingSubject subject, ScreenedAlert alert, Match match)
    {
        var raised = new StandingMatch
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            StandingSubjectId = subject.Id,
            Agency = subject.Agency,
            AlertId = alert.Id,
            AlertVersion = alert.Version,
            AlertSubjectHash = alert.SubjectHash,
            Score = match.Score,
            Band = match.Band,
            Explanation = match.Explanation.Summary() is var summary && summary.Length > 2000 ? summary[..2000] : summary,
            At = time.GetUtcNow(),
        };
        db.Add(raised);
        db.Notifications.Add(new Notification
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Agency = subject.Agency,
            Kind = NotificationKind.StandingMatch,
            AlertId = alert.Id,
            DueOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            CreatedAt = time.GetUtcNow(),
        });
        return raised;
    }

    /// <summary>Raised before for this alert content, or decided for this subject: not new.</summary>
    private async Task<bool> IsKnownAsync(StandingSubject subject, ScreenRequest request, ScreenedAlert alert, CancellationToken ct)
    {
        if (await db.Set<StandingMatch>().AnyAsync(m => m.StandingSubjectId == subject.Id && m.AlertId == alert.Id && m.AlertSubjectHash == alert.SubjectHash, ct))
            return true;
        var key = request.SubjectKey();
        return await db.Set<ScreeningDecision>().AnyAsync(d => d.Agency == subject.Agency && d.SubjectKey == key && d.AlertId == alert.Id
            && d.AlertSubjectHash == alert.SubjectHash && d.Outcome != DecisionOutcome.Escalated, ct);
    }

    /// <summary>Standing subjects see what their agency's analysts may see, for the purpose they were registered for.</summary>
    private static Caller CallerFor(StandingSubject subject) => new()
    {
        Kind = ActorKind.System,
        ActorId = $"standing-subject:{subject.Id}",
        Agency = subject.Agency,
        Roles = new HashSet<Role> { Role.Analyst },
        Purpose = subject.Purpose,
        RemoteAddress = "local",
    };
}

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>
/// The agency's hits for analysts and supervisors: officers' decisions (escalated first) and standing-subject
/// matches, only those whose alert the caller may see under the purpose named now; the others are counted, not shown.
/// Reading the inbox is audited with the alerts it showed.
/// </summary>
public sealed class HitsInbox(PerimeterDb db, AuditLog audit, VisibleAlerts visible)
{
    public const int Limit = 200;
    public const int MatchLimit = 500;

    /// <summary>The agency's standing-subject matches, newest first, whose alert the caller may see now under the purpose named.</summary>
    public async Task<IReadOnlyList<StandingMatchView>> StandingMatchesAsync(Caller caller, DateTimeOffset? since, CancellationToken ct)
    {
        var query = db.Set<StandingMatch>().AsNoTracking().Where(m => m.Agency == caller.Agency);
        if (since is { } from)
            query = query.Where(m => m.At >= from);
        var visibleIds = visible.Ids(caller);
        var matches = await query.Where(m => visibleIds.Contains(m.AlertId)).OrderByDescending(m => m.At).Take(MatchLimit).ToListAsync(ct);
        var withheld = await query.CountAsync(m => !visibleIds.Contains(m.AlertId), ct);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "standing-match", matches.Select(m => (object)m.AlertId).Distinct(),
            Detail: $"matches={matches.Count} withheld={withheld}"), ct);
        return [.. matches.Select(StandingMatchView.Of)];
    }

    public async Task<HitsList> ListAsync(Caller caller, DecisionOutcome? outcome, CancellationToken ct)
    {
        var visibleIds = visible.Ids(caller);
        var decisions = db.Set<ScreeningDecision>().AsNoTracking().Where(d => d.Agency == caller.Agency);
        if (outcome is { } only)
            decisions = decisions.Where(d => d.Outcome == only);
        var matches = db.Set<StandingMatch>().AsNoTracking().Where(m => m.Agency == caller.Agency && outcome == null);
        var decided = await decisions.Where(d => visibleIds.Contains(d.AlertId)).OrderByDescending(d => d.At).Take(Limit).ToListAsync(ct);
        var raised = await matches.Where(m => visibleIds.Contains(m.AlertId)).OrderByDescending(m => m.At).Take(Limit).ToListAsync(ct);
        var withheld = await decisions.CountAsync(d => !visibleIds.Contains(d.AlertId), ct) + await matches.CountAsync(m => !visibleIds.Contains(m.AlertId), ct);

        var subjectIds = raised.Select(m => m.StandingSubjectId).Distinct().ToList();
        var subjects = await db.Set<StandingSubject>().AsNoTracking()
            .Where(s => s.Agency == caller.Agency && subjectIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Reference, ct);
        var alertIds = decided.Select(d => d.AlertId).Concat(raised.Select(m => m.AlertId)).Distinct().ToList();
        var names = await db.Alerts.AsNoTracking().Where(a => alertIds.Contains(a.Id))
            .Select(a => new { a.Id, a.DisplayName }).ToDictionaryAsync(a => a.Id, a => a.DisplayName ?? a.Id.ToString(), ct);

        // Decisions name their officer by id; the inbox names them as they sign in.
        var deciders = decided.Select(d => Guid.TryParse(d.DecidedBy, out var id) ? id : Guid.Empty).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id.ToString(), u => u.UserName ?? u.Id.ToString(), ct);

        var hits = decided.Select(d => new HitView(d.Id, HitSource.Decision, d.AlertId, names[d.AlertId],
                d.Outcome, d.Reason, userNames.GetValueOrDefault(d.DecidedBy, d.DecidedBy), null, null, d.At))
            .Concat(raised.Select(m => new HitView(m.Id, HitSource.StandingSubject, m.AlertId, names[m.AlertId],
                null, m.Explanation, null, subjects.GetValueOrDefault(m.StandingSubjectId), m.Score, m.At)))
            // Escalated decisions wait for someone: they come first, then everything newest first.
            .OrderByDescending(h => h.Outcome == DecisionOutcome.Escalated).ThenByDescending(h => h.At)
            .Take(Limit)
            .ToList();
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "hits", hits.Select(h => (object)h.AlertId).Distinct(),
            Detail: $"decisions={decided.Count} standing-matches={raised.Count} withheld={withheld}"), ct);
        return new HitsList(hits, withheld);
    }
}

public enum HitSource
{
    Decision,
    StandingSubject,
}

/// <summary>The hits the caller may see, and how many more are on alerts it may not see under the purpose it named.</summary>
public sealed record HitsList(IReadOnlyList<HitView> Hits, int Withheld);

public sealed record HitView(Guid Id, HitSource Source, Guid AlertId, string AlertName, DecisionOutcome? Outcome,
    string Reason, string? By, string? Reference, double? Score, DateTimeOffset At);

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>
/// The agency's hits for analysts and supervisors: officers' decisions (escalated first) and standing-subject
/// matches. Alert names come through the access policy under the caller's purpose; reading the inbox is audited.
/// </summary>
public sealed class HitsInbox(PerimeterDb db, AuditLog audit, AccessPolicy policy)
{
    public const int Limit = 200;

    public async Task<IReadOnlyList<HitView>> ListAsync(Caller caller, DecisionOutcome? outcome, CancellationToken ct)
    {
        var decisions = db.Set<ScreeningDecision>().AsNoTracking().Where(d => d.Agency == caller.Agency);
        if (outcome is { } only)
            decisions = decisions.Where(d => d.Outcome == only);
        var decided = await decisions.OrderByDescending(d => d.At).Take(Limit).ToListAsync(ct);
        var matches = outcome is null
            ? await db.Set<StandingMatch>().AsNoTracking().Where(m => m.Agency == caller.Agency).OrderByDescending(m => m.At).Take(Limit).ToListAsync(ct)
            : [];
        var subjects = await db.Set<StandingSubject>().AsNoTracking()
            .Where(s => s.Agency == caller.Agency && matches.Select(m => m.StandingSubjectId).Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Reference, ct);

        var alertIds = decided.Select(d => d.AlertId).Concat(matches.Select(m => m.AlertId)).Distinct().ToList();
        var names = await db.Alerts.AsNoTracking().Where(policy.VisibleTo<Alert>(caller)).Where(a => alertIds.Contains(a.Id))
            .Select(a => new { a.Id, a.DisplayName }).ToDictionaryAsync(a => a.Id, a => a.DisplayName, ct);

        // Decisions name their officer by id; the inbox names them as they sign in.
        var deciders = decided.Select(d => Guid.TryParse(d.DecidedBy, out var id) ? id : Guid.Empty).Distinct().ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id.ToString(), u => u.UserName ?? u.Id.ToString(), ct);

        var hits = decided.Select(d => new HitView(d.Id, HitSource.Decision, d.AlertId, names.GetValueOrDefault(d.AlertId), names.ContainsKey(d.AlertId),
                d.Outcome, d.Reason, userNames.GetValueOrDefault(d.DecidedBy, d.DecidedBy), null, null, d.At))
            .Concat(matches.Select(m => new HitView(m.Id, HitSource.StandingSubject, m.AlertId, names.GetValueOrDefault(m.AlertId), names.ContainsKey(m.AlertId),
                null, m.Explanation, null, subjects.GetValueOrDefault(m.StandingSubjectId), m.Score, m.At)))
            // Escalated decisions wait for someone: they come first, then everything newest first.
            .OrderByDescending(h => h.Outcome == DecisionOutcome.Escalated).ThenByDescending(h => h.At)
            .Take(Limit)
            .ToList();
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "hits", hits.Select(h => (object)h.AlertId).Distinct(),
            Detail: $"decisions={decided.Count} standing-matches={matches.Count}"), ct);
        return hits;
    }
}

public enum HitSource
{
    Decision,
    StandingSubject,
}

/// <summary>One hit; <c>AlertName</c> is null when the caller may not see the alert under the purpose named.</summary>
public sealed record HitView(Guid Id, HitSource Source, Guid AlertId, string? AlertName, bool IsVisible, DecisionOutcome? Outcome,
    string Reason, string? By, string? Reference, double? Score, DateTimeOffset At);

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Agencies;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Screening;
using Perimeter.Storage;

namespace Perimeter.Components;

/// <summary>
/// The dashboard's figures for one caller: the agency's screenings today, its hits today on alerts the caller may see,
/// and those alerts by kind and category under the purpose it names (counts through the same policy filter as the alert list).
/// </summary>
public sealed class DashboardFigures(PerimeterDb db, AccessPolicy policy, VisibleAlerts visible, AuditLog audit, AgencyService agencies, TimeProvider time)
{
    public async Task<Dashboard> ReadAsync(Caller caller, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var weekAgo = today.AddDays(-6);
        var screenings = await db.AuditRecords.AsNoTracking()
            .Where(r => r.Agency == caller.Agency && r.Action == AuditAction.Screen && r.At >= weekAgo)
            .Select(r => r.At).ToListAsync(ct);
        // Decisions and matches are made from alerts: counted only on alerts the caller may see under its purpose.
        var visibleIds = visible.Ids(caller);
        var decisions = await db.Set<ScreeningDecision>().AsNoTracking()
            .Where(d => d.Agency == caller.Agency && d.At >= today && visibleIds.Contains(d.AlertId))
            .Select(d => d.Outcome).ToListAsync(ct);
        var standing = await db.Set<StandingMatch>().AsNoTracking()
            .CountAsync(m => m.Agency == caller.Agency && m.At >= today && visibleIds.Contains(m.AlertId), ct);
        var perDay = Enumerable.Range(0, 7).Select(i => weekAgo.AddDays(i))
            .Select(day => (Day: DateOnly.FromDateTime(day.UtcDateTime), Count: screenings.Count(at => at >= day && at < day.AddDays(1))))
            .ToList();

        IReadOnlyList<(AlertKind Kind, int Count)> byKind = [];
        IReadOnlyList<(AlertCategory Category, int Count)> byCategory = [];
        if (caller.Roles.Any(Roles.ReadsAlerts) && caller.Purpose != Purposes.None)
        {
            var visible = db.Alerts.AsNoTracking().Where(policy.VisibleTo<Alert>(caller)).Where(a => a.Status == AlertStatus.Active);
            byKind = [.. (await visible.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .OrderByDescending(g => g.Count).Select(g => (g.Key, g.Count))];
            byCategory = [.. (await visible.GroupBy(a => a.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
                .OrderByDescending(g => g.Count).Select(g => (g.Key, g.Count))];
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.Search, "alert", null, Detail: "dashboard counts by kind and category"), ct);
        }
        return new Dashboard(
            ScreeningsToday: perDay[^1].Count,
            ConfirmedToday: decisions.Count(o => o == DecisionOutcome.Confirmed),
            EscalatedToday: decisions.Count(o => o == DecisionOutcome.Escalated),
            FalsePositivesToday: decisions.Count(o => o == DecisionOutcome.FalsePositive),
            StandingMatchesToday: standing,
            ScreeningsPerDay: perDay,
            AlertsByKind: byKind,
            AlertsByCategory: byCategory,
            Agencies: await agencies.ListAsync(ct));
    }
}

public sealed record Dashboard(
    int ScreeningsToday, int ConfirmedToday, int EscalatedToday, int FalsePositivesToday, int StandingMatchesToday,
    IReadOnlyList<(DateOnly Day, int Count)> ScreeningsPerDay,
    IReadOnlyList<(AlertKind Kind, int Count)> AlertsByKind,
    IReadOnlyList<(AlertCategory Category, int Count)> AlertsByCategory,
    IReadOnlyList<AgencyView> Agencies);

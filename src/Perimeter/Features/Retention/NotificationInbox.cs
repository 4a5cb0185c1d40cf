using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Retention;

/// <summary>
/// The agency's open notices — alerts due for review, alerts that expired, standing-subject matches, partners'
/// confirmed hits — on alerts the caller may see under the purpose it names now; reading them is audited.
/// </summary>
public sealed class NotificationInbox(PerimeterDb db, VisibleAlerts visible, AuditLog audit)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<NotificationView>> ListAsync(Caller caller, CancellationToken ct)
    {
        var open = db.Notifications.AsNoTracking().Where(n => n.Agency == caller.Agency && n.DismissedAt == null);
        var visibleIds = visible.Ids(caller);
        var notices = await open.Where(n => visibleIds.Contains(n.AlertId))
            .OrderBy(n => n.DueOn).Take(Limit)
            .Select(n => new NotificationView(n.Id, n.Kind, n.AlertId, n.DueOn, n.CreatedAt))
            .ToListAsync(ct);
        var withheld = await open.CountAsync(n => !visibleIds.Contains(n.AlertId), ct);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "notification", notices.Select(n => (object)n.AlertId).Distinct(),
            Detail: $"notifications={notices.Count} withheld={withheld}"), ct);
        return notices;
    }
}

public sealed record NotificationView(Guid Id, NotificationKind Kind, Guid AlertId, DateOnly DueOn, DateTimeOffset CreatedAt);

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;
using Perimeter.Web;

namespace Perimeter.Features.Retention;

internal static class NotificationEndpoints
{
    /// <summary>
    /// The agency's open notices — alerts due for review, alerts that expired, standing-subject matches, partners'
    /// confirmed hits — on alerts the caller may see under the purpose named; reading them is audited.
    /// </summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", async (PerimeterDb db, VisibleAlerts visible, AuditLog audit, Caller caller, CancellationToken ct) =>
            {
                var open = db.Notifications.AsNoTracking().Where(n => n.Agency == caller.Agency && n.DismissedAt == null);
                var visibleIds = visible.Ids(caller);
                var notices = await open.Where(n => visibleIds.Contains(n.AlertId))
                    .OrderBy(n => n.DueOn).Take(500)
                    .Select(n => new NotificationView(n.Id, n.Kind, n.AlertId, n.DueOn, n.CreatedAt))
                    .ToListAsync(ct);
                var withheld = await open.CountAsync(n => !visibleIds.Contains(n.AlertId), ct);
                await audit.RecordAsync(caller, new AuditEntry(AuditAction.Read, "notification", notices.Select(n => (object)n.AlertId).Distinct(),
                    Detail: $"notifications={notices.Count} withheld={withheld}"), ct);
                return TypedResults.Ok(notices);
            })
            .WithTags("Notifications").WithName("ListNotifications").RequireAuthorization(Permissions.PublishAlerts).RequirePurpose();
        return app;
    }
}

public sealed record NotificationView(Guid Id, NotificationKind Kind, Guid AlertId, DateOnly DueOn, DateTimeOffset CreatedAt);

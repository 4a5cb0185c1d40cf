using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Storage;

namespace Perimeter.Features.Retention;

internal static class NotificationEndpoints
{
    /// <summary>The agency's open notices: alerts due for review, alerts that expired.</summary>
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", async (PerimeterDb db, Caller caller, CancellationToken ct) =>
            TypedResults.Ok(await db.Notifications.AsNoTracking()
                .Where(n => n.Agency == caller.Agency && n.DismissedAt == null)
                .OrderBy(n => n.DueOn).Take(500)
                .Select(n => new NotificationView(n.Id, n.Kind, n.AlertId, n.DueOn, n.CreatedAt))
                .ToListAsync(ct)))
            .WithTags("Notifications").WithName("ListNotifications").RequireAuthorization(Permissions.PublishAlerts);
        return app;
    }
}

public sealed record NotificationView(Guid Id, NotificationKind Kind, Guid AlertId, DateOnly DueOn, DateTimeOffset CreatedAt);

using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Retention;

internal static class NotificationEndpoints
{
    public static IEndpointRouteBuilder MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", async (NotificationInbox inbox, Caller caller, CancellationToken ct) => TypedResults.Ok(await inbox.ListAsync(caller, ct)))
            .WithTags("Notifications").WithName("ListNotifications").RequireAuthorization(Permissions.PublishAlerts).RequirePurpose();
        return app;
    }
}

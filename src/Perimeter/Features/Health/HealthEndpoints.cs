using Perimeter.Storage;

namespace Perimeter.Features.Health;

internal static class HealthEndpoints
{
    /// <summary>Liveness and database readiness for load balancers: 200 when the database answers, 503 when not.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (PerimeterDb db, CancellationToken ct) =>
        {
            var ready = await CanConnectAsync(db, ct);
            var body = new HealthView(ready ? "healthy" : "unhealthy", ready ? "ok" : "unreachable", db.Kind.ToString().ToLowerInvariant());
            return ready ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).WithTags("Health").WithName("Health").AllowAnonymous();
        return app;
    }

    private static async Task<bool> CanConnectAsync(PerimeterDb db, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Data.Common.DbException)
        {
            return false;
        }
    }
}

public sealed record HealthView(string Status, string Database, string Provider);

using Perimeter.Features.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Health;

internal static class HealthEndpoints
{
    /// <summary>
    /// Readiness for load balancers: 200 "healthy" when the database answers and the screening index is loaded, 503
    /// "starting" while the index loads (a node with a million alerts takes about a minute), 503 "unhealthy" when the
    /// database does not answer.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (PerimeterDb db, ScreeningIndexLoader index, CancellationToken ct) =>
        {
            var database = await CanConnectAsync(db, ct);
            var screening = index.IsReady;
            var status = !database ? "unhealthy" : screening ? "healthy" : "starting";
            var body = new HealthView(status, database ? "ok" : "unreachable", db.Kind.ToString().ToLowerInvariant(), screening ? "ready" : "loading");
            return database && screening ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
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

public sealed record HealthView(string Status, string Database, string Provider, string Screening);

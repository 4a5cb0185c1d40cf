using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Screening;

internal static class ScreenEndpoints
{
    public static RouteGroupBuilder MapScreenEndpoints(this IEndpointRouteBuilder app)
    {
        var screen = app.MapGroup("/api/v1/screen").WithTags("Screening").RequireAuthorization(Permissions.ReadAlerts);
        screen.MapPost("/", Screen).WithName("Screen").RequirePurpose();
        screen.MapPost("/decisions", Decide).WithName("DecideScreeningResult").RequirePurpose();
        return screen;
    }

    private static async Task<Results<Ok<ScreenResponse>, ValidationProblem>> Screen(
        ScreenRequest request, ScreeningService screening, Caller caller, CancellationToken ct)
    {
        if (request.Validate() is { Count: > 0 } errors)
            return Problems.Invalid(errors);
        return TypedResults.Ok(await screening.ScreenAsync(request, caller, ct));
    }

    private static async Task<Results<Created<DecisionView>, ValidationProblem, ProblemHttpResult>> Decide(
        DecisionRequest request, ScreeningService screening, Caller caller, CancellationToken ct)
    {
        var errors = request.Subject?.Validate() ?? new FieldErrors();
        if (request.Subject is null)
            errors.Add("subject", "Required");
        if (request.AlertId == Guid.Empty)
            errors.Add("alertId", "Required");
        if (request.Outcome is null)
            errors.Add("outcome", "Required");
        errors.Required("reason", request.Reason);
        errors.FreeText("reason", request.Reason, 1000);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        return await screening.DecideAsync(request, caller, ct) is { } decision
            ? TypedResults.Created($"/api/v1/screen/decisions/{decision.Id}", decision)
            : Problems.Problem(404, "NotFound");
    }
}

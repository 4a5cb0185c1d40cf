using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Deconfliction;

internal static class DeconflictionEndpoints
{
    public static RouteGroupBuilder MapDeconflictionEndpoints(this IEndpointRouteBuilder app)
    {
        var deconfliction = app.MapGroup("/api/v1/deconfliction").WithTags("Deconfliction").RequireAuthorization(Permissions.Deconflict);
        deconfliction.MapPost("/targets", RegisterTarget).WithName("RegisterTarget");
        deconfliction.MapPost("/events", RegisterEvent).WithName("RegisterOperationEvent");
        deconfliction.MapGet("/registrations", async (DeconflictionService service, Caller caller, CancellationToken ct) =>
            TypedResults.Ok(await service.ListAsync(caller, ct))).WithName("ListRegistrations");
        deconfliction.MapDelete("/registrations/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, DeconflictionService service, Caller caller, CancellationToken ct) =>
            await service.WithdrawAsync(id, caller, ct) ? TypedResults.NoContent() : Problems.Problem(404, "NotFound")).WithName("WithdrawRegistration");
        deconfliction.MapGet("/conflicts", async (DeconflictionService service, Caller caller, CancellationToken ct) =>
            TypedResults.Ok(await service.ConflictsAsync(caller, ct))).WithName("ListConflicts");
        return deconfliction;
    }

    private static async Task<Results<Created<Registered>, ValidationProblem>> RegisterTarget(
        NewTarget request, DeconflictionService service, Caller caller, CancellationToken ct)
    {
        var (registered, errors) = await service.RegisterTargetAsync(request, caller, ct);
        return registered is null ? Problems.Invalid(errors) : TypedResults.Created($"/api/v1/deconfliction/registrations/{registered.Id}", registered);
    }

    private static async Task<Results<Created<Registered>, ValidationProblem>> RegisterEvent(
        NewOperationEvent request, DeconflictionService service, Caller caller, CancellationToken ct)
    {
        var (registered, errors) = await service.RegisterEventAsync(request, caller, ct);
        return registered is null ? Problems.Invalid(errors) : TypedResults.Created($"/api/v1/deconfliction/registrations/{registered.Id}", registered);
    }
}

using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
using Perimeter.Features.Federation;
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

    /// <summary>What a partner node asks on the federation listener: its blind-index tokens against this node's registrations.</summary>
    public static void MapPartnerDeconfliction(this RouteGroupBuilder federation) =>
        federation.MapPost("/deconfliction", async Task<Results<Ok<SignedDocument>, ValidationProblem, ProblemHttpResult>> (
            DeconflictionQuery query, HttpContext context, PartnerDeconfliction deconfliction, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            errors.Required("keyId", query.KeyId);
            errors.Required("contact", query.Contact);
            errors.MaxItems("tokens", query.Tokens, DeconflictionQuery.MaxTokens);
            errors.FreeText("contact", query.Contact, 200);
            errors.FreeText("keyId", query.KeyId, 60);
            if (query.Tokens.Any(t => t.Length > 64))
                errors.Add("tokens", "InvalidValue", "token");
            if (errors.Count > 0)
                return Problems.Invalid(errors);
            return await deconfliction.AnswerAsync(Federation.FederationEndpoints.PeerOf(context), query, ct) is { } answer
                ? TypedResults.Ok(answer)
                : Problems.Problem(StatusCodes.Status403Forbidden, "MessageRefused", "no agreement in force, or no such deconfliction key");
        }).WithName("AnswerDeconfliction");

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

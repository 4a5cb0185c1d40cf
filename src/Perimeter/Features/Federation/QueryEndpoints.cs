using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
using Perimeter.Features.Screening;
using Perimeter.Web;

namespace Perimeter.Features.Federation;

/// <summary>Hit/no-hit queries to partners and requests for details: the node's API for its officers, analysts and supervisors.</summary>
internal static class QueryEndpoints
{
    public static void MapQueryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/screen/partners", AskPartners).WithTags("Screening").WithName("ScreenPartners")
            .RequireAuthorization(Permissions.ReadAlerts).RequirePurpose();

        var requests = app.MapGroup("/api/v1/requests-for-details").WithTags("Requests for details");
        requests.MapPost("/", File).WithName("RequestDetails").RequireAuthorization(Permissions.PublishAlerts);
        requests.MapGet("/", async (RequestForDetailsService service, bool? overdue, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(overdue == true, ct)))
            .WithName("ListRequestsForDetails").RequireAuthorization(Permissions.HandleRequests);
        requests.MapGet("/{id:guid}", Get).WithName("GetRequestForDetails").RequireAuthorization(Permissions.HandleRequests);
        requests.MapPost("/{id:guid}/approve", Approve).WithName("ApproveRequestForDetails").RequireAuthorization(Permissions.ApproveReleases);
        requests.MapPost("/{id:guid}/deny", Deny).WithName("DenyRequestForDetails").RequireAuthorization(Permissions.ApproveReleases);
    }

    private static async Task<Results<Ok<PartnerQueryResult>, ValidationProblem>> AskPartners(
        ScreenRequest request, PartnerQueryService service, Caller caller, CancellationToken ct)
    {
        if (request.Validate() is { Count: > 0 } errors)
            return Problems.Invalid(errors);
        return TypedResults.Ok(await service.AskAsync(request, caller, ct));
    }

    private static async Task<Results<Created<RequestForDetailsView>, ValidationProblem>> File(
        NewRequestForDetails request, RequestForDetailsService service, Caller caller, CancellationToken ct)
    {
        var (filed, errors) = await service.FileAsync(request, caller, ct);
        return filed is null ? Problems.Invalid(errors) : TypedResults.Created($"/api/v1/requests-for-details/{filed.Id}", filed);
    }

    private static async Task<Results<Ok<RequestForDetailsView>, NotFound>> Get(Guid id, RequestForDetailsService service, Caller caller, CancellationToken ct) =>
        await service.FindAsync(id, caller, ct) is { } request ? TypedResults.Ok(request) : TypedResults.NotFound();

    private static async Task<Results<Ok<RequestForDetailsView>, NotFound, ProblemHttpResult>> Approve(
        Guid id, RequestForDetailsService service, Caller caller, CancellationToken ct) =>
        ToResult(await service.ApproveAsync(id, caller, ct));

    private static async Task<Results<Ok<RequestForDetailsView>, NotFound, ProblemHttpResult>> Deny(
        Guid id, DenyRequest request, RequestForDetailsService service, Caller caller, CancellationToken ct) =>
        ToResult(await service.DenyAsync(id, request.Reason, caller, ct));

    private static Results<Ok<RequestForDetailsView>, NotFound, ProblemHttpResult> ToResult(Decision decision) => decision switch
    {
        { IsNotFound: true } => TypedResults.NotFound(),
        { Request: { } request } => TypedResults.Ok(request),
        { Refusal: "Required" } => Problems.Problem(StatusCodes.Status400BadRequest, "ReasonRequired"),
        { Refusal: "Forbidden" } => Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden"),
        _ => Problems.Problem(StatusCodes.Status409Conflict, decision.Refusal ?? "Conflict"),
    };
}

public sealed record DenyRequest(string? Reason);

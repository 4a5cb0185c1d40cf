using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Agencies;

internal static class AgencyEndpoints
{
    public static RouteGroupBuilder MapAgencyEndpoints(this IEndpointRouteBuilder app)
    {
        var agencies = app.MapGroup("/api/v1/agencies").WithTags("Agencies").RequireAuthorization();
        agencies.MapGet("/", async (AgencyService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListAgencies");
        agencies.MapPost("/", Add).WithName("AddAgency").RequireAuthorization(Permissions.ManageNode);
        return agencies;
    }

    private static async Task<Results<Created<AgencyView>, ValidationProblem>> Add(
        NewAgency request, AgencyService service, Caller caller, CancellationToken ct)
    {
        var (agency, errors) = await service.AddAsync(request, caller, ct);
        return agency is null ? Problems.Invalid(errors) : TypedResults.Created($"/api/v1/agencies/{agency.Id}", agency);
    }
}

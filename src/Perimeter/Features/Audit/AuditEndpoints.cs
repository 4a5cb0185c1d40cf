using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Audit;

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Permissions.ReadAudit);
        audit.MapGet("/", List).WithName("ListAuditRecords");
        audit.MapPost("/verify", Verify).WithName("VerifyAuditChain");
        return audit;
    }

    private static async Task<Results<Ok<Paged<AuditRecordView>>, ValidationProblem>> List(
        AuditReader reader, Caller caller, IOptions<NodeOptions> node, CancellationToken ct,
        string? actor = null, string? agency = null, string? action = null, string? outcome = null, string? targetId = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int page = 1, int pageSize = 50)
    {
        var errors = new FieldErrors();
        var parsedAction = errors.Optional<AuditAction>("action", action);
        var parsedOutcome = errors.Optional<AuditOutcome>("outcome", outcome);
        errors.Paging(page, pageSize, node.Value.MaxPageSize);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var filter = new AuditFilter
        {
            Actor = actor, Agency = agency, Action = parsedAction, Outcome = parsedOutcome, TargetId = targetId,
            From = from?.ToUniversalTime(), To = to?.ToUniversalTime(), Page = page, PageSize = pageSize,
        };
        return TypedResults.Ok(await reader.ListAsync(filter, caller, ct));
    }

    private static async Task<Ok<ChainCheck>> Verify(AuditReader reader, Caller caller, CancellationToken ct) =>
        TypedResults.Ok(await reader.VerifyAsync(caller, ct));
}

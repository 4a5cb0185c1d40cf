using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Storage;
using Perimeter.Web;

namespace Perimeter.Features.Tokens;

internal static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokenEndpoints(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/v1/tokens").WithTags("Tokens").RequireAuthorization(Permissions.ManageNode);
        tokens.MapGet("/", async (TokenService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListTokens");
        tokens.MapPost("/", Create).WithName("CreateToken");
        tokens.MapDelete("/{id:guid}", Revoke).WithName("RevokeToken");
        return tokens;
    }

    private static async Task<Results<Created<TokenCreated>, ValidationProblem>> Create(
        NewToken request, TokenService service, PerimeterDb db, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required("name", request.Name);
        errors.FreeText("name", request.Name, 200);
        if (!Roles.TryParse(request.Role, out var role))
            errors.Add("role", "UnknownRole", request.Role);
        if (!await db.Agencies.AnyAsync(a => a.Id == request.Agency, ct))
            errors.Add("agency", "UnknownAgency", request.Agency);
        if (request.ExpiresInDays is < 1 or > 3650)
            errors.Add("expiresInDays", "OutOfRange");
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var created = await service.CreateAsync(request.Name, request.Agency, role,
            request.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : null, caller, ct);
        return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, TokenService service, Caller caller, CancellationToken ct) =>
        await service.RevokeAsync(id, caller, ct) ? TypedResults.NoContent() : Problems.Problem(404, "NotFound");
}

public sealed record NewToken(string Name, string Agency, string Role, int? ExpiresInDays = null);

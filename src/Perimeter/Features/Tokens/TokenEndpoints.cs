using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
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
        NewToken request, TokenService service, Caller caller, CancellationToken ct)
    {
        var errors = await service.ValidateAsync(request, ct);
        if (errors.Count > 0 || !Roles.TryParse(request.Role, out var role))
            return Problems.Invalid(errors);
        var created = await service.CreateAsync(request.Name, request.Agency, role,
            request.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : null, caller, ct);
        return TypedResults.Created($"/api/v1/tokens/{created.Token.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, TokenService service, Caller caller, CancellationToken ct) =>
        await service.RevokeAsync(id, caller, ct) ? TypedResults.NoContent() : Problems.Problem(404, "NotFound");
}

public sealed record NewToken(string Name, string Agency, string Role, int? ExpiresInDays = null);

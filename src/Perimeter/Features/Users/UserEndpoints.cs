using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Features.Access;
using Perimeter.Web;

namespace Perimeter.Features.Users;

internal static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Permissions.ManageNode);
        users.MapGet("/", async (UserService service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithName("ListUsers");
        users.MapPost("/", Add).WithName("AddUser");
        users.MapPost("/{userName}/disable", Disable).WithName("DisableUser");

        var session = app.MapGroup("/api/v1/session").WithTags("Session");
        session.MapPost("/", SignIn).WithName("SignIn").AllowAnonymous();
        session.MapDelete("/", SignOut).WithName("SignOut").RequireAuthorization();
        session.MapGet("/", (Caller caller) => TypedResults.Ok(new SessionView(caller.ActorId, caller.ActorName, caller.Agency, [.. caller.Roles.Order()])))
            .WithName("WhoAmI").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Created<UserView>, ValidationProblem>> Add(
        AddUserRequest request, UserService service, Caller caller, CancellationToken ct)
    {
        var roles = new List<Role>();
        var errors = new FieldErrors();
        foreach (var word in request.Roles ?? [])
        {
            if (Roles.TryParse(word, out var role))
                roles.Add(role);
            else
                errors.Add("roles", "UnknownRole", word);
        }
        errors.Required("password", request.Password);
        if (errors.Count > 0)
            return Problems.Invalid(errors);
        var added = await service.AddAsync(new NewUser(request.UserName ?? "", request.Password!, request.Agency ?? "", roles, request.DisplayName), caller, ct);
        return added.User is { } user ? TypedResults.Created($"/api/v1/users/{user.UserName}", user) : Problems.Invalid(added.Errors!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(string userName, UserService service, Caller caller, CancellationToken ct) =>
        await service.DisableAsync(userName, caller, ct) ? TypedResults.NoContent() : Problems.Problem(404, "NotFound");

    private static async Task<Results<NoContent, ProblemHttpResult>> SignIn(SignInRequest request, UserService service, HttpContext context, CancellationToken ct) =>
        await service.SignInAsync(request.UserName ?? "", request.Password ?? "", context.Connection.RemoteIpAddress?.ToString(), ct) == SignInOutcome.SignedIn
            ? TypedResults.NoContent()
            : Problems.Problem(401, "SignInFailed");

    private static async Task<NoContent> SignOut(UserService service, Caller caller, CancellationToken ct)
    {
        await service.SignOutAsync(caller, ct);
        return TypedResults.NoContent();
    }
}

public sealed record AddUserRequest(string? UserName, string? Password, string? Agency, IReadOnlyList<string>? Roles, string? DisplayName = null);

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record SessionView(string ActorId, string? Name, string Agency, IReadOnlyList<Role> Roles);

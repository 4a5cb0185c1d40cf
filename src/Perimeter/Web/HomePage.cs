using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Perimeter.Components;
using Perimeter.Features.Access;
using Perimeter.Features.Users;

namespace Perimeter.Web;

/// <summary>The browser's sign-in and sign-out; the sign-in page itself is the console's <c>Home</c> page.</summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signin", SignIn).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapPost("/signout", SignOut).DisableAntiforgery().ExcludeFromDescription();
        // Whatever no endpoint claims: 405 when the path exists for other methods; else 404 to a program and to someone signed in; a browser that is not is sent to sign
        // in first, as for any console page, so that a mistyped address is not a JSON refusal.
        app.MapFallback(NotFound).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult NotFound(HttpContext context, AllowedMethods methods)
    {
        if (methods.On(context) is { Count: > 0 } allowed)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
            return Problems.Problem(StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", context.Request.Method, string.Join(", ", allowed));
        }
        return context.User.Identity?.IsAuthenticated != true && !context.Request.Path.StartsWithSegments("/api")
            && HttpMethods.IsGet(context.Request.Method) && context.Request.GetTypedHeaders().Accept.Any(a => a.MediaType == "text/html")
            ? Results.Redirect($"/?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}")
            : Problems.Problem(StatusCodes.Status404NotFound, "NotFound");
    }

    private static async Task<IResult> SignIn(HttpContext context, UserService users, UserManager<NodeUser> accounts, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Problems.Problem(400, "BadRequest");
        var form = await context.Request.ReadFormAsync(ct);
        var userName = form["userName"].ToString();
        var returnUrl = LanguageSwitch.LocalOrHome(form["returnUrl"].ToString());
        var outcome = await users.SignInAsync(userName, form["password"].ToString(), context.Connection.RemoteIpAddress?.ToString(), ct);
        if (outcome != SignInOutcome.SignedIn)
            return Results.LocalRedirect(returnUrl == "/" ? "/?failed=1" : $"/?failed=1&returnUrl={Uri.EscapeDataString(returnUrl)}");
        // The account's language wins over what this browser last used: it may be someone else's browser.
        if (await accounts.FindByNameAsync(userName) is { } user
            && (await accounts.GetClaimsAsync(user)).FirstOrDefault(c => c.Type == LanguageSwitch.ClaimType) is Claim { Value: var culture }
            && ConsoleFeature.Cultures.Contains(culture, StringComparer.Ordinal))
            LanguageSwitch.Remember(context.Response, culture);
        return Results.LocalRedirect(returnUrl == "/" ? "/dashboard" : returnUrl);
    }

    private static async Task<IResult> SignOut(HttpContext context, UserService users, Caller caller, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Problems.Problem(400, "BadRequest");
        await users.SignOutAsync(caller, ct);
        return Results.LocalRedirect("/");
    }
}

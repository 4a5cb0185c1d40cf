using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Perimeter.Features.Users;
using Perimeter.Web;

namespace Perimeter.Components;

/// <summary>
/// Switches the console's language: a cookie for this browser, and for a signed-in user a claim on the account,
/// so that the choice follows the user to another browser without a change to the database schema.
/// </summary>
internal static class LanguageSwitch
{
    public const string ClaimType = "perimeter:culture";

    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder app)
    {
        app.MapPost("/console/language", SwitchAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SwitchAsync(HttpContext context, IAntiforgery antiforgery, UserManager<NodeUser> users,
        SignInManager<NodeUser> signIn, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Problems.Problem(400, "BadRequest");
        var form = await context.Request.ReadFormAsync(ct);
        var culture = form["culture"].ToString();
        if (!ConsoleFeature.Cultures.Contains(culture, StringComparer.Ordinal))
            return Problems.Invalid("culture", "InvalidValue", culture);
        Remember(context.Response, culture);
        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
        {
            var claims = await users.GetClaimsAsync(user);
            await users.RemoveClaimsAsync(user, claims.Where(c => c.Type == ClaimType));
            await users.AddClaimAsync(user, new Claim(ClaimType, culture));
            // The sign-in cookie carries the claims: renew it so the stored choice is what it says.
            await signIn.RefreshSignInAsync(user);
        }
        return Results.LocalRedirect(LocalOrHome(form["returnUrl"].ToString()));
    }

    /// <summary>Sets the culture cookie that request localization reads first.</summary>
    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });

    /// <summary>Only a path on this node: an open redirect would let a link send an officer anywhere.</summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}

/// <summary>The signed-in user's stored language, when this browser has no culture cookie yet.</summary>
internal sealed class UserCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        // Localization runs before authentication (so that problems answered early are localized too): read the
        // sign-in cookie here. The handler keeps its result for the request, so authentication does not repeat it.
        if (httpContext.Request.Headers.Authorization.Count > 0 || !httpContext.Request.Cookies.ContainsKey("perimeter"))
            return null;
        var result = await httpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return result.Principal?.FindFirst(LanguageSwitch.ClaimType)?.Value is { Length: > 0 } culture
            ? new ProviderCultureResult(culture)
            : null;
    }
}

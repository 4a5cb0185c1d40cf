using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Demo;
using Perimeter.Features.Users;

namespace Perimeter.Web;

/// <summary>The node's front door: sign in and out in a browser; in demo mode it lists the demo sign-ins.</summary>
internal static class HomePage
{
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", Show).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignIn).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", SignOut).ExcludeFromDescription();
        return app;
    }

    private static IResult Show(HttpContext context, Caller caller, IAntiforgery antiforgery, IOptions<NodeOptions> node, string? failed = null)
    {
        var html = HtmlEncoder.Default;
        var token = antiforgery.GetAndStoreTokens(context);
        var body = new StringBuilder();
        if (node.Value.Demo)
            body.Append("<p role=\"status\" class=\"banner\">Demo node: synthetic data and public OFAC entries only.</p>");
        if (caller.IsAuthenticated)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>Signed in as <strong>{html.Encode(caller.ActorName ?? caller.ActorId)}</strong> ({html.Encode(caller.Agency)}, {html.Encode(string.Join(", ", caller.Roles))}).</p>");
            body.Append("<p><a href=\"/docs\">API documentation</a></p>");
            body.Append(CultureInfo.InvariantCulture, $"<form method=\"post\" action=\"/signout\"><input type=\"hidden\" name=\"{token.FormFieldName}\" value=\"{token.RequestToken}\"><button>Sign out</button></form>");
        }
        else
        {
            if (failed is not null)
                body.Append("<p role=\"alert\">Wrong user name or password, or the account is locked or disabled.</p>");
            body.Append(CultureInfo.InvariantCulture, $"""
                <form method="post" action="/signin">
                  <input type="hidden" name="{token.FormFieldName}" value="{token.RequestToken}">
                  <p><label for="userName">User name</label><br><input id="userName" name="userName" autocomplete="username" required autofocus></p>
                  <p><label for="password">Password</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
                  <p><button>Sign in</button></p>
                </form>
                """);
            if (node.Value.Demo && DemoCredentials.Load(node.Value.DataDirectory) is { Count: > 0 } demo)
            {
                body.Append("<table><caption>Demo sign-ins</caption><tr><th>User</th><th>Password</th><th>Agency</th><th>Role</th></tr>");
                foreach (var user in demo)
                    body.Append(CultureInfo.InvariantCulture, $"<tr><td>{html.Encode(user.UserName)}</td><td><code>{html.Encode(user.Password)}</code></td><td>{html.Encode(user.Agency)}</td><td>{html.Encode(user.Role)}</td></tr>");
                body.Append("</table>");
            }
        }
        var page = $$"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Perimeter · {{html.Encode(node.Value.Agency)}}</title>
            <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}.banner{background:#fff3cd;padding:.5rem}td,th{padding:.2rem .6rem;text-align:left}</style>
            </head><body><h1>Perimeter · {{html.Encode(node.Value.Agency)}}</h1>{{body}}</body></html>
            """;
        return Results.Content(page, "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignIn(HttpContext context, UserService users, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Problems.Problem(400, "BadRequest");
        var form = await context.Request.ReadFormAsync(ct);
        var outcome = await users.SignInAsync(form["userName"].ToString(), form["password"].ToString(), context.Connection.RemoteIpAddress?.ToString(), ct);
        return Results.Redirect(outcome == SignInOutcome.SignedIn ? "/" : "/?failed=1");
    }

    private static async Task<IResult> SignOut(HttpContext context, UserService users, Caller caller, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return Problems.Problem(400, "BadRequest");
        await users.SignOutAsync(caller, ct);
        return Results.Redirect("/");
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http.HttpResults;
using Perimeter.Components.Pages;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;

namespace Perimeter.Web;

/// <summary>Turns the signed-in principal and the named purpose into a <see cref="Caller"/> per request.</summary>
internal static class CallerResolution
{
    public static Caller Resolve(HttpContext context) =>
        // An ambiguous purpose is no purpose: the policy then shows nothing that needs one.
        Caller.From(context.User, PurposeText(context.Request, out var ambiguous) is var text && !ambiguous ? text : null,
            context.Connection.RemoteIpAddress?.ToString());

    /// <summary>
    /// The purpose the request names, in the X-Purpose header or the purpose parameter; <paramref name="ambiguous"/>
    /// when it names more than one (two headers, a header and a parameter, or one value listing several).
    /// </summary>
    private static string? PurposeText(HttpRequest request, out bool ambiguous)
    {
        string?[] named = [.. request.Headers[Caller.PurposeHeader], .. request.Query["purpose"]];
        ambiguous = named.Length > 1 || named.Any(text => text?.Contains(',', StringComparison.Ordinal) == true);
        return named.Length > 0 ? named[0] : null;
    }

    /// <summary>Endpoints that read alerts need exactly one known purpose: say so clearly rather than show nothing.</summary>
    public static RouteHandlerBuilder RequirePurpose(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var text = PurposeText(context.HttpContext.Request, out var ambiguous);
            if (ambiguous)
                return Problems.Invalid("purpose", "PurposeAmbiguous");
            if (string.IsNullOrWhiteSpace(text))
                return Problems.Invalid("purpose", "PurposeRequired");
            if (!MarkingText.TryParsePurpose(text, out _))
                return Problems.Invalid("purpose", "UnknownPurpose", text);
            return await next(context);
        });
}

/// <summary>Audits every request that authorization turns away, then answers it as a problem.</summary>
internal sealed class AuditedAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, result);
            return;
        }
        var caller = CallerResolution.Resolve(context);
        var refusals = context.RequestServices.GetRequiredService<RefusalAudit>();
        await refusals.RecordAsync(caller,
            new AuditEntry(AuditAction.Denied, "endpoint", null, AuditOutcome.Denied, $"{context.Request.Method} {context.Request.Path}"), context.RequestAborted);
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            // A console page: a browser is sent to sign in, or shown the refusal in the console's own language and layout.
            if (!result.Forbidden)
                context.Response.Redirect($"/?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
            else
                await new RazorComponentResult<Refused> { StatusCode = StatusCodes.Status403Forbidden }.ExecuteAsync(context);
            return;
        }
        var status = result.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized;
        await Problems.Problem(status, result.Forbidden ? "Forbidden" : "Unauthorized").ExecuteAsync(context);
    }
}

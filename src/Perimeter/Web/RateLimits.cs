using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Perimeter.Features.Audit;

namespace Perimeter.Web;

/// <summary>
/// Per-address limits on what can be tried without holding an account — sign-ins, invalid tokens, unauthenticated
/// requests — and on the federation listener (<see cref="RateLimitOptions"/>). Signed-in callers are not limited: they
/// are accountable, and every action of theirs is audited. A request over its limit is answered 429 with
/// <c>Retry-After</c>, and audited through <see cref="RefusalAudit"/>, so a flood costs the audit writer a few records.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddNodeRateLimits(this IServiceCollection services, RateLimitOptions limits) =>
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => KindOf(context, limits) is { } kind
                ? RateLimitPartition.GetFixedWindowLimiter($"{kind.Name} {ClientOf(context)}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = kind.PerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.OnRejected = RejectAsync;
        });

    private static (string Name, int PerMinute)? KindOf(HttpContext context, RateLimitOptions limits)
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/federation", StringComparison.Ordinal))
            return ("federation", limits.FederationPerMinute);
        if (HttpMethods.IsPost(request.Method) && (request.Path.Equals("/signin", StringComparison.Ordinal)
            || request.Path.StartsWithSegments("/api/v1/session", StringComparison.Ordinal)))
            return ("sign-in", limits.SignInPerMinute);
        if (context.User.Identity?.IsAuthenticated == true)
            return null;
        return request.Headers.Authorization.Count > 0 ? ("token-failure", limits.TokenFailuresPerMinute) : ("unauthenticated", limits.UnauthenticatedPerMinute);
    }

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var caller = CallerResolution.Resolve(context);
        await context.RequestServices.GetRequiredService<RefusalAudit>().RecordAsync(caller,
            new AuditEntry(AuditAction.RateLimited, "endpoint", null, AuditOutcome.Denied, $"{context.Request.Method} {context.Request.Path}"), ct);
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Problems.Problem(StatusCodes.Status429TooManyRequests, "TooManyRequests").ExecuteAsync(context);
    }
}

using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;

namespace Perimeter.Features.Tokens;

/// <summary>Signs in a system that presents <c>Authorization: Bearer ptk_…</c>; a bad token is audited.</summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenService tokens,
    RefusalAudit refusals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is not { Length: > 0 } presented)
            return AuthenticateResult.NoResult();

        var ct = Context.RequestAborted;
        if (await tokens.AuthenticateAsync(presented, ct) is not { } token)
        {
            var anonymous = Caller.Anonymous(Context.Connection.RemoteIpAddress?.ToString());
            await refusals.RecordAsync(anonymous, new AuditEntry(AuditAction.TokenRejected, "token", null, AuditOutcome.Denied), ct);
            return AuthenticateResult.Fail("invalid token");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, $"token:{token.Id}"),
            new Claim(ClaimTypes.Name, token.Name),
            new Claim(Caller.AgencyClaim, token.Agency),
            new Claim(Caller.ActorKindClaim, nameof(ActorKind.Token)),
            new Claim(ClaimTypes.Role, token.Role.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

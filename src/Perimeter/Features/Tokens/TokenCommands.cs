using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Perimeter.Cli;
using Perimeter.Features.Access;
using Perimeter.Storage;

namespace Perimeter.Features.Tokens;

internal static class TokenCommands
{
    public static Command Create()
    {
        var tokens = new Command("tokens", "Manage API tokens for systems such as a port's lane software");

        var name = new Option<string>("--name") { Description = "What the token is for", Required = true };
        var agency = new Option<string?>("--agency") { Description = "Agency the token acts for; default this node's" };
        var role = new Option<string>("--role") { Description = "officer, analyst, supervisor, auditor or admin", Required = true };
        var days = new Option<int?>("--expires-days") { Description = "Lifetime in days (1–3650); no expiry when omitted" };
        var create = new Command("create", "Create a token; its secret is printed once") { name, agency, role, days };
        create.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            if (!Roles.TryParse(parsed.GetValue(role), out var parsedRole))
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"unknown role \"{parsed.GetValue(role)}\": use officer, analyst, supervisor, auditor or admin");
            var agencyId = parsed.GetValue(agency) ?? node.Agency;
            if (!await services.GetRequiredService<PerimeterDb>().Agencies.AnyAsync(a => a.Id == agencyId, token))
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"unknown agency \"{agencyId}\": add it with perimeter agencies add");
            if (parsed.GetValue(days) is < 1 or > 3650)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, "--expires-days must be between 1 and 3650");
            var created = await services.GetRequiredService<TokenService>().CreateAsync(parsed.GetValue(name)!, agencyId, parsedRole,
                parsed.GetValue(days) is { } d ? TimeSpan.FromDays(d) : null, Caller.Operator(node.Agency), token);
            Console.Error.WriteLine($"token {created.Token.Id} for {agencyId} as {parsedRole}; the secret below is shown once:");
            Console.WriteLine(created.Secret);
            return ExitCode.Ok;
        }, ct));

        var list = new Command("list", "List tokens (never their secrets)") { Listing.Output() };
        list.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, _, token) =>
            Listing.Write(parsed, await services.GetRequiredService<TokenService>().ListAsync(token), ["Id", "Name", "Agency", "Role", "Expires", "Revoked"],
                t => [t.Id.ToString(), t.Name, t.Agency, t.Role.ToString(), t.ExpiresAt?.ToString("u"), t.RevokedAt?.ToString("u")]), ct, reads: true));

        var id = new Argument<Guid>("id") { Description = "Token id" };
        var revoke = new Command("revoke", "Revoke a token at once") { id };
        revoke.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            if (!await services.GetRequiredService<TokenService>().RevokeAsync(parsed.GetValue(id), Caller.Operator(node.Agency), token))
                return NodeCommandLine.Fail(ExitCode.NotFound, $"no active token {parsed.GetValue(id)}");
            Console.WriteLine($"revoked {parsed.GetValue(id)}");
            return ExitCode.Ok;
        }, ct));

        tokens.Add(create);
        tokens.Add(list);
        tokens.Add(revoke);
        return tokens;
    }
}

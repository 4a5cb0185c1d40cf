using System.CommandLine;
using System.Security.Cryptography;
using Perimeter.Cli;
using Perimeter.Features.Access;

namespace Perimeter.Features.Users;

internal static class UserCommands
{
    public static Command Create()
    {
        var users = new Command("users", "Manage local accounts");

        var userName = new Argument<string>("user-name") { Description = "Sign-in name" };
        var agency = new Option<string?>("--agency") { Description = "Agency of the user; default this node's" };
        var roles = new Option<string[]>("--role") { Description = "officer, analyst, supervisor, auditor or admin (repeatable)", Required = true, AllowMultipleArgumentsPerToken = true };
        var password = new Option<string?>("--password") { Description = "Initial password (12+ characters); generated and printed once when omitted" };
        var displayName = new Option<string?>("--display-name") { Description = "Name shown in the console" };
        var add = new Command("add", "Add a user") { userName, agency, roles, password, displayName };
        add.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            var parsedRoles = new List<Role>();
            foreach (var word in parsed.GetValue(roles) ?? [])
            {
                if (!Roles.TryParse(word, out var role))
                    return NodeCommandLine.Fail(ExitCode.InvalidInput, $"unknown role \"{word}\": use officer, analyst, supervisor, auditor or admin");
                parsedRoles.Add(role);
            }
            var secret = parsed.GetValue(password) ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(15));
            var result = await services.GetRequiredService<UserService>().AddAsync(
                new NewUser(parsed.GetValue(userName)!, secret, parsed.GetValue(agency) ?? node.Agency, parsedRoles, parsed.GetValue(displayName)),
                Caller.Operator(node.Agency), token);
            if (result.User is not { } user)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"user not added: {result.Errors}");
            Console.WriteLine($"added {user.UserName} ({user.Agency}, {string.Join(", ", user.Roles)})");
            if (parsed.GetValue(password) is null)
                Console.WriteLine($"password (shown once): {secret}");
            return ExitCode.Ok;
        }, ct));

        var list = new Command("list", "List users") { Listing.Output() };
        list.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, _, token) =>
            Listing.Write(parsed, await services.GetRequiredService<UserService>().ListAsync(token), ["User", "Agency", "Roles", "Created", "Disabled"],
                user => [user.UserName, user.Agency, string.Join(", ", user.Roles), user.CreatedAt.ToString("u"), user.DisabledAt?.ToString("u")]), ct, reads: true));

        var disableName = new Argument<string>("user-name") { Description = "Sign-in name" };
        var disable = new Command("disable", "Disable a user at once") { disableName };
        disable.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
            await services.GetRequiredService<UserService>().DisableAsync(parsed.GetValue(disableName)!, Caller.Operator(node.Agency), token)
                ? NodeCommandLine.Report($"disabled {parsed.GetValue(disableName)}")
                : NodeCommandLine.Fail(ExitCode.NotFound, $"no user \"{parsed.GetValue(disableName)}\""), ct));

        users.Add(add);
        users.Add(list);
        users.Add(disable);
        return users;
    }
}

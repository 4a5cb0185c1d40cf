using System.CommandLine;
using System.Security.Cryptography;
using Perimeter.Cli;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Features.Users;

namespace Perimeter.Features.Setup;

/// <summary>
/// <c>perimeter init</c>: makes an empty data folder the node of one agency — its identity (<c>node.json</c>), key pair and
/// certificate, database and first admin. Nothing is left behind when any step fails.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var agency = new Option<string>("--agency") { Description = "This node's agency id, such as mx.inm", Required = true };
        var name = new Option<string>("--name") { Description = "The agency's name, such as \"Instituto Nacional de Migración\"", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO 3166 alpha-2 code, such as MX; must be the agency id's first part" };
        var federationUrl = new Option<string?>("--federation-url") { Description = "https://HOST:PORT where partners reach this node (can be set later)" };
        var admin = new Option<string>("--admin") { Description = "Sign-in name of the first admin", DefaultValueFactory = _ => "admin" };
        var systemd = new Option<bool>("--systemd") { Description = "Also write perimeter.service and perimeter.env: the node as a systemd service under its own user" };
        var serviceUser = new Option<string>("--service-user") { Description = "The system user the service runs as", DefaultValueFactory = _ => "perimeter" };
        var init = new Command("init", "Make a data folder the node of one agency: identity, key and certificate, database, first admin")
        {
            agency, name, country, federationUrl, admin, systemd, serviceUser,
        };
        init.SetAction(async (parsed, ct) =>
        {
            var folder = new NodeFolder(parsed.GetValue(agency)!, parsed.GetValue(name)!.Trim(),
                parsed.GetValue(country)?.Trim().ToUpperInvariant() ?? AgencyId.CountryOf(parsed.GetValue(agency)!), parsed.GetValue(federationUrl));
            if (Refusal(folder) is { } refusal)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"node not made: {refusal}");
            var data = Path.GetFullPath(parsed.GetValue(NodeCommandLine.Data) ?? "data");
            if (NodeFolder.Read(data) is { } existing)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"node not made: {data} is already the node of {existing.Agency}");
            if (Directory.Exists(data) && Directory.EnumerateFileSystemEntries(data).Any())
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"node not made: {data} is not empty; a node's folder starts empty");
            if (Environment.GetEnvironmentVariable("PERIMETER_Node__Agency") is { Length: > 0 } exported && exported != folder.Agency)
                return NodeCommandLine.Fail(ExitCode.InvalidInput,
                    $"node not made: the environment variable PERIMETER_Node__Agency names {exported}, not {folder.Agency}: unset it first");

            var created = !Directory.Exists(data);
            NodeIdentity.CreateOwnerOnlyFolder(data);
            // The federation URL is written last: a node with one must have its identity, which is made below.
            (folder with { FederationUrl = null }).Write(data);
            var code = ExitCode.Failed;
            try
            {
                code = await NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
                {
                    var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
                    var identity = NodeIdentity.Create(data, node.Agency, node.Federation.KeyPassphrase, now, folder.FederationUrl);
                    var operatorCaller = Caller.Operator(node.Agency);
                    await services.GetRequiredService<AuditLog>().RecordAsync(operatorCaller,
                        new AuditEntry(AuditAction.IdentityCreated, "node", [node.Agency], Detail: $"sha256={identity.Pin}"), token);
                    var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(15));
                    var added = await services.GetRequiredService<UserService>().AddAsync(
                        new NewUser(parsed.GetValue(admin)!, password, node.Agency, [Role.Admin]), operatorCaller, token);
                    if (added.User is null)
                        return NodeCommandLine.Fail(ExitCode.InvalidInput, $"node not made: the admin was refused: {added.Errors}");
                    Console.WriteLine($"node {node.Agency} ({folder.Name}, {folder.Country}) in {data}");
                    Console.WriteLine($"certificate: {NodeIdentity.CertificatePathOf(data)} (give this file, or its pin, to partners)");
                    Console.WriteLine($"sha256 {identity.Pin}");
                    Console.WriteLine($"admin {added.User.UserName}, password (shown once): {password}");
                    folder.Write(data);
                    if (parsed.GetValue(systemd))
                        SystemdService.Write(data, folder, parsed.GetValue(serviceUser)!);
                    return ExitCode.Ok;
                }, ct);
            }
            finally
            {
                if (code != ExitCode.Ok)
                    Remove(data, created);
            }
            return code;
        });
        return init;
    }

    private static string? Refusal(NodeFolder folder)
    {
        if (!AgencyId.IsValid(folder.Agency))
            return $"--agency \"{folder.Agency}\" is not an agency id such as mx.inm (country code, a dot, a short name in lower case)";
        if (folder.Name.Length is 0 or > 200)
            return "--name must be 1 to 200 characters";
        if (folder.Country != AgencyId.CountryOf(folder.Agency))
            return $"--country {folder.Country} is not the country of {folder.Agency} ({AgencyId.CountryOf(folder.Agency)})";
        if (folder.FederationUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttps))
            return $"--federation-url \"{url}\" is not an https:// URL";
        return null;
    }

    /// <summary>What a failed init made: the folder itself when it made it, else everything in it (it was empty).</summary>
    private static void Remove(string data, bool created)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (created)
        {
            Directory.Delete(data, recursive: true);
            return;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(data))
        {
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            else
                File.Delete(entry);
        }
    }
}

using System.CommandLine;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Demo;
using Perimeter.Features.Setup;
using Perimeter.Web;

namespace Perimeter.Cli;

internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, ';'-separated; http:// only on loopback unless --insecure-http", DefaultValueFactory = _ => Listeners.DefaultUrls };
        var demo = new Option<bool>("--demo") { Description = "Seed a realistic demo node on first start and show demo sign-ins" };
        var insecure = new Option<bool>("--insecure-http") { Description = "Allow plain HTTP on an address other than loopback (behind a TLS-terminating proxy)" };
        var certificate = new Option<FileInfo?>("--certificate") { Description = "PKCS#12 file for https:// URLs (password in PERIMETER_Node__Http__CertificatePassword); default the node's own from pki init" };
        var serve = new Command("serve", "Start a node") { urls, demo, insecure, certificate };
        serve.SetAction(async (parsed, ct) =>
        {
            var overrides = NodeCommandLine.Overrides(parsed);
            overrides["urls"] = parsed.GetValue(urls);
            if (parsed.GetValue(demo))
                overrides["Node:Demo"] = "true";
            if (parsed.GetValue(insecure))
                overrides["Node:Http:InsecureHttp"] = "true";
            if (parsed.GetValue(certificate) is { } file)
                overrides["Node:Http:CertificatePath"] = file.FullName;
            try
            {
                await using var app = NodeHost.Build(overrides);
                var node = app.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
                if (Listeners.Refusal(parsed.GetValue(urls)!, node) is { } refusal)
                    return NodeCommandLine.Fail(ExitCode.Usage, $"{refusal} (see: perimeter serve --help)");
                await NodeHost.PrepareAsync(app, ct);
                if (node.Demo)
                    await SeedDemoAsync(app, node, ct);
                await app.RunAsync(ct);
                return ExitCode.Ok;
            }
            catch (NoNodeException e)
            {
                return NodeCommandLine.Fail(ExitCode.NotFound, e.Message);
            }
            catch (OptionsValidationException e)
            {
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"invalid settings: {string.Join("; ", e.Failures)}");
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
            {
                return NodeCommandLine.Fail(ExitCode.Unavailable, $"cannot listen on {parsed.GetValue(urls)}: {e.Message}");
            }
        });
        return serve;
    }

    private static async Task SeedDemoAsync(WebApplication app, NodeOptions node, CancellationToken ct)
    {
        // The folder now says whose node it is, so that the tour's later commands need no --demo and no variable.
        if (NodeFolder.Read(node.DataDirectory) is null)
            new NodeFolder(node.Agency, node.AgencyName ?? node.Agency, AgencyId.CountryOf(node.Agency)).Write(node.DataDirectory);
        await using var scope = app.Services.CreateAsyncScope();
        var seed = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        if (!seed.IsNew)
        {
            Console.WriteLine("Demo node already seeded; its sign-ins are shown on the sign-in page.");
            return;
        }
        // A node told not to import OFAC (the federation demo's) has nothing missing to report.
        if (!seed.OfacSkipped)
        {
            Console.WriteLine(seed.OfacDirectory is { } ofac
                ? $"Demo: {seed.OfacAlerts} OFAC SDN entries imported from {ofac}."
                : "Demo: no OFAC files found (shared/data/ofac beside the repository). Download sdn.csv, alt.csv and add.csv from OFAC's Sanctions List Service, then run: perimeter import ofac DIR");
        }
        Console.WriteLine($"Demo: {seed.SyntheticAlerts} synthetic alerts published.");
        // Printed once, at the first start; the sign-in page shows them again in demo mode.
        Console.WriteLine("Demo sign-ins (user / password / agency / role):");
        foreach (var user in seed.Users)
            Console.WriteLine($"  {user.UserName,-12} {user.Password,-24} {user.Agency,-8} {user.Role}");
    }
}

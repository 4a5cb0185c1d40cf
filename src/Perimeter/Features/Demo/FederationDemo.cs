using System.CommandLine;
using System.Diagnostics;
using Perimeter.Cli;
using Perimeter.Features.Access;
using Perimeter.Features.Deconfliction;
using Perimeter.Features.Federation;
using Perimeter.Features.Setup;

namespace Perimeter.Features.Demo;

/// <summary>
/// <c>perimeter demo federation</c>: three nodes as separate processes on this machine — us.cbp, mx.inm and
/// gt.igm, each with its own database and certificate — pinned to each other, with agreements US–MX and
/// MX–GT to replicate and US–GT to query only, and demo data. Ctrl-C stops all three.
/// </summary>
internal static class FederationDemo
{
    public sealed record DemoNode(string Agency, string Name, int ApiPort, int FederationPort, string DataDirectory)
    {
        public string ApiUrl => $"http://127.0.0.1:{ApiPort}";
        public string FederationUrl => $"https://127.0.0.1:{FederationPort}";
    }

    public static Command Create()
    {
        var basePort = new Option<int>("--base-port") { Description = "us.cbp listens on P and P+1, mx.inm on P+10 and P+11, gt.igm on P+20 and P+21", DefaultValueFactory = _ => 5100 };
        var federation = new Command("federation", "Start three federated nodes (us.cbp, mx.inm, gt.igm) as separate processes; Ctrl-C stops them") { basePort };
        federation.SetAction(async (parsed, ct) =>
        {
            var root = Path.GetFullPath(Path.Combine(parsed.GetValue(NodeCommandLine.Data) ?? "data", "federation"));
            var port = parsed.GetValue(basePort);
            if (port is < 1024 or > 65000)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"--base-port {port}: use 1024 to 65000");
            DemoNode[] nodes =
            [
                new("us.cbp", "U.S. Customs and Border Protection", port, port + 1, Path.Combine(root, "us.cbp")),
                new("mx.inm", "Instituto Nacional de Migración", port + 10, port + 11, Path.Combine(root, "mx.inm")),
                new("gt.igm", "Instituto Guatemalteco de Migración", port + 20, port + 21, Path.Combine(root, "gt.igm")),
            ];
            await ConfigureAsync(nodes, ct);
            return await RunAsync(nodes, ct);
        });
        return new Command("demo", "Demonstrations on one machine") { federation };
    }

    /// <summary>
    /// Identities, pins, agreements and us.cbp and mx.inm's deconfliction key, once: a second run finds them and starts the
    /// same federation again.
    /// </summary>
    public static async Task ConfigureAsync(IReadOnlyList<DemoNode> nodes, CancellationToken ct)
    {
        (string KeyId, string Secret)? deconflictionKey = null;
        foreach (var node in nodes)
        {
            if (!NodeIdentity.Exists(node.DataDirectory))
                NodeIdentity.Create(node.DataDirectory, node.Agency, null, DateTimeOffset.UtcNow);
            if (NodeFolder.Read(node.DataDirectory) is null)
                new NodeFolder(node.Agency, node.Name, AgencyId.CountryOf(node.Agency), node.FederationUrl).Write(node.DataDirectory);
        }
        foreach (var node in nodes)
        {
            await using var app = NodeHost.Build(Settings(node));
            await NodeHost.PrepareAsync(app, ct);
            await using var scope = app.Services.CreateAsyncScope();
            var partners = scope.ServiceProvider.GetRequiredService<PartnerService>();
            var agreements = scope.ServiceProvider.GetRequiredService<AgreementService>();
            var known = (await partners.ListAsync(ct)).Select(p => p.Agency).ToHashSet(StringComparer.Ordinal);
            var operatorCaller = Caller.Operator(node.Agency);
            foreach (var other in nodes.Where(n => n != node && !known.Contains(n.Agency)))
            {
                var pem = await File.ReadAllTextAsync(NodeIdentity.CertificatePathOf(other.DataDirectory), ct);
                await partners.AddAsync(new NewPartner(other.Agency, other.FederationUrl, pem, other.Name), operatorCaller, ct);
                var queryOnly = (node.Agency, other.Agency) is ("us.cbp", "gt.igm") or ("gt.igm", "us.cbp");
                await agreements.AddAsync(new NewAgreement
                {
                    Partner = other.Agency,
                    Mode = queryOnly ? AgreementMode.Query : AgreementMode.Replicate,
                    Kinds = [Agreement.Any],
                    Categories = [Agreement.Any],
                    Purposes = MarkingText.EveryPurpose,
                    HighestTlp = Tlp.Amber,
                    RetentionDays = 365,
                    HitReporting = true,
                }, operatorCaller, ct);
            }
            // us.cbp makes the key its operator would read to mx.inm's, which adds it: their operations deconflict.
            var deconfliction = scope.ServiceProvider.GetRequiredService<PartnerDeconfliction>();
            var held = (await deconfliction.KeysAsync(ct)).Select(k => k.Partner).ToHashSet(StringComparer.Ordinal);
            if (node.Agency == "us.cbp" && !held.Contains("mx.inm"))
                deconflictionKey = await deconfliction.CreateKeyAsync("mx.inm", operatorCaller, ct);
            else if (node.Agency == "mx.inm" && !held.Contains("us.cbp") && deconflictionKey is { } key)
                await deconfliction.AddKeyAsync("us.cbp", key.KeyId, key.Secret, operatorCaller, ct);
        }
    }

    private static Dictionary<string, string?> Settings(DemoNode node) => new(StringComparer.Ordinal)
    {
        ["Node:Agency"] = node.Agency,
        ["Node:AgencyName"] = node.Name,
        ["Node:DataDirectory"] = node.DataDirectory,
        ["Node:Database"] = "Sqlite",
        ["Node:Federation:Url"] = node.FederationUrl,
        // No OFAC import per node: three copies of 13,821 alerts would only slow the demo down.
        ["Node:DemoImportsOfac"] = "false",
    };

    private static async Task<int> RunAsync(IReadOnlyList<DemoNode> nodes, CancellationToken ct)
    {
        var children = new List<(DemoNode Node, Process Process)>();
        try
        {
            foreach (var node in nodes)
                children.Add((node, Start(node)));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            foreach (var (node, process) in children)
            {
                if (!await WaitHealthyAsync(http, node, process, ct))
                {
                    Console.Error.WriteLine($"{node.Agency} did not start (exit code {(process.HasExited ? process.ExitCode : -1)})");
                    return ExitCode.Failed;
                }
            }
            Console.WriteLine();
            Console.WriteLine("Federation running (Ctrl-C stops all three):");
            foreach (var node in nodes)
            {
                Console.WriteLine($"  {node.Agency,-7} {node.ApiUrl,-24} partners at {node.FederationUrl}   data {node.DataDirectory}");
                foreach (var user in DemoCredentials.Load(node.DataDirectory))
                    Console.WriteLine($"          {user.UserName,-12} {user.Password,-24} {user.Agency,-8} {user.Role}");
            }
            Console.WriteLine("Agreements: us.cbp–mx.inm replicate, mx.inm–gt.igm replicate, us.cbp–gt.igm query only; us.cbp and mx.inm share a deconfliction key.");
            var exited = await Task.WhenAny(children.Select(c => c.Process.WaitForExitAsync(ct)));
            await exited;
            var gone = children.First(c => c.Process.HasExited);
            Console.Error.WriteLine($"{gone.Node.Agency} stopped (exit code {gone.Process.ExitCode}); stopping the others");
            return ExitCode.Failed;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping the federation…");
            return ExitCode.Ok;
        }
        finally
        {
            await StopAllAsync(children.Select(c => c.Process).ToList());
        }
    }

    private static Process Start(DemoNode node)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)   // null only when the host cannot tell, never for dotnet or an apphost
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run as `dotnet perimeter.dll`: the child must be started the same way.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(FederationDemo).Assembly.Location);
        foreach (var argument in new[] { "serve", "--demo", "--data", node.DataDirectory, "--urls", node.ApiUrl })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in Settings(node))
            start.Environment[$"PERIMETER_{key.Replace(":", "__", StringComparison.Ordinal)}"] = value;
        start.Environment["PERIMETER_Node__ParentProcessId"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;   // Start returns null only for shell-executed documents
        process.OutputDataReceived += (_, line) => Print(node, line.Data);
        process.ErrorDataReceived += (_, line) => Print(node, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Print(DemoNode node, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
            Console.WriteLine($"[{node.Agency}] {line}");
    }

    private static async Task<bool> WaitHealthyAsync(HttpClient http, DemoNode node, Process process, CancellationToken ct)
    {
        for (var i = 0; i < 240 && !process.HasExited; i++)
        {
            try
            {
                using var response = await http.GetAsync($"{node.ApiUrl}/health", ct);
                if (response.IsSuccessStatusCode)
                    return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(500, ct);
        }
        return false;
    }

    /// <summary>SIGTERM to each node so it finishes what it is writing, then, after ten seconds, kill what is left.</summary>
    private static async Task StopAllAsync(List<Process> processes)
    {
        foreach (var process in processes.Where(p => !p.HasExited))
        {
            if (OperatingSystem.IsWindows())
                process.Kill(entireProcessTree: true);
            else
                Terminate(process.Id);
        }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var process in processes)
        {
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
        }
    }

    /// <summary>.NET can kill a process but not ask it to stop; kill(1) sends the SIGTERM its host turns into a clean shutdown.</summary>
    private static void Terminate(int pid)
    {
        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            kill?.WaitForExit(5000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No kill(1) here: the ten-second grace ends in Kill below.
        }
    }
}

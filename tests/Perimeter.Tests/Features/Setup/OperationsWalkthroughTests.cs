using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Federation;
using Perimeter.Storage;
using Perimeter.Tests.Features.Imports;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Setup;

/// <summary>
/// docs/operations.md's "Two agencies on two machines", run command by command from the page itself, in its order, each
/// in the terminal of the machine its block names: so the guide cannot drift from what works.
/// </summary>
public sealed class OperationsWalkthroughTests
{
    [Fact]
    public async Task Two_agencies_follow_the_operations_guide_to_replication_that_survives_a_killed_sender_and_a_retraction_with_its_receipt()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("perimeter-guide-").FullName;
        var nodes = new List<NodeProcess>();
        try
        {
            var machines = new Dictionary<string, Machine>(StringComparer.Ordinal)
            {
                ["us.cbp"] = new("us.cbp", "cbp.example", NodeProcess.FreePort(), NodeProcess.FreePort(), Path.Combine(root, "us-home")),
                ["mx.inm"] = new("mx.inm", "inm.example", NodeProcess.FreePort(), NodeProcess.FreePort(), Path.Combine(root, "mx-home")),
            };
            var guide = Guide.Read(Path.Combine(SharedData.Find("docs"), "operations.md"), root, machines.Values);
            var bin = Terminal.InstallPerimeter(root);
            await using var us = Terminal.Start(bin, machines["us.cbp"].Home);
            await using var mx = Terminal.Start(bin, machines["mx.inm"].Home);

            // 1. Each side makes its node and reads its pin to the other.
            var usPin = PinOf(await us.RunAsync(guide.Next("us.cbp", "perimeter init"), ct));
            var mxPin = PinOf(await mx.RunAsync(guide.Next("mx.inm", "perimeter init"), ct));

            // 2. Each side starts its node.
            var usNode = Serve(guide.Next("us.cbp", "perimeter serve"), machines["us.cbp"], bin, usPin, nodes);
            var mxNode = Serve(guide.Next("mx.inm", "perimeter serve"), machines["mx.inm"], bin, mxPin, nodes);
            await Task.WhenAll(usNode.StartAsync(ct), mxNode.StartAsync(ct));

            // 3. Each pins the other from the pin it was read, and adds its agreement.
            await us.RunAsync(guide.Next("us.cbp", "MX_PIN=", placeholder: mxPin), ct);
            Assert.Contains($"pinned mx.inm at https://127.0.0.1:{machines["mx.inm"].FederationPort}: sha256 {mxPin}",
                await us.RunAsync(guide.Next("us.cbp", "perimeter partners add"), ct), StringComparison.Ordinal);
            await us.RunAsync(guide.Next("us.cbp", "perimeter agreements add"), ct);
            await mx.RunAsync(guide.Next("mx.inm", "US_PIN=", placeholder: usPin), ct);
            Assert.Contains($"pinned us.cbp at https://127.0.0.1:{machines["us.cbp"].FederationPort}: sha256 {usPin}",
                await mx.RunAsync(guide.Next("mx.inm", "perimeter partners add"), ct), StringComparison.Ordinal);
            await mx.RunAsync(guide.Next("mx.inm", "perimeter agreements add"), ct);

            // 4. The link works both ways.
            Assert.Contains("ok — mutual TLS both ways", await us.RunAsync(guide.Next("us.cbp", "perimeter partners test"), ct), StringComparison.Ordinal);
            Assert.Contains("ok — mutual TLS both ways", await mx.RunAsync(guide.Next("mx.inm", "perimeter partners test"), ct), StringComparison.Ordinal);

            // 5. A thousand alerts; the sender killed while some, not all, of Mexico's have arrived; started again.
            await us.RunAsync(guide.Next("us.cbp", "perimeter generate persons"), ct);
            await us.RunAsync(guide.Next("us.cbp", "perimeter import alerts"), ct);
            var mxData = Path.Combine(root, "mx.inm");
            var usData = Path.Combine(root, "us.cbp");
            var released = await ReleasedToAsync(usData, "mx.inm", ct);
            Assert.InRange(released, 100, 900);
            await FederationNode.EventuallyAsync(async () => await CopiesAsync(mxData, ct) > 0, "the first of us.cbp's copies at mx.inm", ct, seconds: 120);
            await us.RunAsync(guide.Next("us.cbp", "pkill -KILL"), ct);
            await usNode.ExitedAsync(ct);
            var beforeTheKill = await CopiesAsync(mxData, ct);
            Assert.True(beforeTheKill < released, $"all {released} copies were at mx.inm before the kill: it was not mid-batch");
            TestContext.Current.TestOutputHelper?.WriteLine($"{beforeTheKill} of {released} copies at mx.inm when us.cbp was killed");
            usNode = Serve(guide.Next("us.cbp", "perimeter serve"), machines["us.cbp"], bin, usPin, nodes);
            await usNode.StartAsync(ct);
            await FederationNode.EventuallyAsync(async () => await CopiesAsync(mxData, ct) == released && await AllAcknowledgedAsync(usData, released, ct),
                $"all {released} copies at mx.inm, each acknowledged", ct, seconds: 180);

            // 6. Where things stand, on each side.
            var usStatus = Row(await us.RunAsync(guide.Next("us.cbp", "perimeter partners status"), ct), "mx.inm");
            Assert.Equal(("0", "0"), (usStatus[2], usStatus[4]));   // queue, failures
            var mxStatus = Row(await mx.RunAsync(guide.Next("mx.inm", "perimeter partners status"), ct), "us.cbp");
            Assert.Equal($"{released}/0/0/0", mxStatus[7]);
            Assert.Matches(" v1 ", mxStatus[8]);   // the last version received

            // 7. A US analyst retracts one alert, released to mx.inm, found by its passport number.
            await us.RunAsync(guide.Next("us.cbp", "TOKEN="), ct);
            await us.RunAsync(guide.Next("us.cbp", "ID="), ct);
            var id = Guid.Parse(await us.RunAsync("echo \"$ID\"", ct));
            Assert.Contains("\"status\":\"retracted\"", await us.RunAsync(guide.Next("us.cbp", "curl"), ct), StringComparison.Ordinal);

            // 8. mx.inm lists it as retracted; us.cbp reads mx.inm's signed receipt for it.
            var held = guide.Next("mx.inm", "perimeter partners held");
            await FederationNode.EventuallyAsync(async () => (await mx.RunAsync(held, ct)).Contains(id.ToString(), StringComparison.Ordinal),
                "the retracted copy listed at mx.inm", ct, seconds: 60);
            var copies = guide.Next("us.cbp", "curl");
            await FederationNode.EventuallyAsync(async () => (await us.RunAsync(copies, ct)).Contains("\"heldStatus\": \"retracted\"", StringComparison.Ordinal),
                "mx.inm's receipt for the retraction at us.cbp", ct, seconds: 60);
            Assert.Contains("\"signer\": \"mx.inm\"", await us.RunAsync(copies, ct), StringComparison.Ordinal);

            // 9. Both audit chains hold.
            Assert.StartsWith("audit chain intact", await us.RunAsync(guide.Next("us.cbp", "perimeter audit verify"), ct), StringComparison.Ordinal);
            Assert.StartsWith("audit chain intact", await mx.RunAsync(guide.Next("mx.inm", "perimeter audit verify"), ct), StringComparison.Ordinal);
            guide.AssertAllRun();

            // Every version at mx.inm applied once, in order, whatever the kill interrupted: 1 for each, 1 and 2 for the retracted one.
            await using var db = StorageOptions.Sqlite(mxData).Open();
            var versions = await db.AlertVersions.AsNoTracking().Select(v => new { v.AlertId, v.Version }).ToListAsync(ct);
            Assert.Equal(released + 1, versions.Count);
            Assert.All(versions.GroupBy(v => v.AlertId), g => Assert.Equal(g.Key == id ? [1, 2] : [1], g.Select(v => v.Version).Order()));
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>One side: its agency, the host standing for its address in the guide, its two ports here, and where its operator works.</summary>
    private sealed record Machine(string Agency, string Host, int FederationPort, int ApiPort, string Home);

    private static string PinOf(string initOutput) =>
        Regex.Match(initOutput, "^sha256 ([0-9a-f]{64})$", RegexOptions.Multiline) is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no pin in: {initOutput}");

    /// <summary>The guide's serve command as the machine's service would run it, slowed so that a batch is still in flight when it is killed.</summary>
    private static NodeProcess Serve(string command, Machine machine, string bin, string pin, List<NodeProcess> nodes)
    {
        var start = Terminal.StartInfo(bin, machine.Home, "-c", $"exec {command}");
        start.Environment["PERIMETER_Node__Federation__DeliveryIntervalMilliseconds"] = "50";
        start.Environment["PERIMETER_Node__Federation__BatchSize"] = "10";
        start.Environment["PERIMETER_Node__Federation__MaxBackoffSeconds"] = "2";
        var node = new NodeProcess(start, $"https://127.0.0.1:{machine.ApiPort}/health", () => new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && CertificatePin.Of(presented) == pin },
        }));
        nodes.Add(node);
        return node;
    }

    private static async Task<int> CopiesAsync(string dataDirectory, CancellationToken ct)
    {
        await using var db = StorageOptions.Sqlite(dataDirectory).Open();
        return await db.Alerts.CountAsync(a => a.IsPartnerCopy && a.Originator == "us.cbp", ct);
    }

    /// <summary>What the originator's alerts and its agreement release to the partner, read from the content imported, not from what was sent.</summary>
    private static async Task<int> ReleasedToAsync(string dataDirectory, string partner, CancellationToken ct)
    {
        await using var db = StorageOptions.Sqlite(dataDirectory).Open();
        var agreement = await db.Agreements.AsNoTracking().SingleAsync(a => a.Partner == partner, ct);
        var contents = await db.AlertVersions.AsNoTracking().Where(v => v.ContentJson != null).Select(v => v.ContentJson!).ToListAsync(ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return contents.Select(PerimeterJson.Deserialize<AlertContent>).Count(c => AccessPolicy.IsReleasedTo(c.Markings, partner)
            && agreement.Refuses(c.Kind, c.Category, c.Markings.Tlp, c.Markings.Purposes, today) is null);
    }

    /// <summary>Whether the originator holds a receipt for the version it sent of each of <paramref name="copies"/> copies.</summary>
    private static async Task<bool> AllAcknowledgedAsync(string dataDirectory, int copies, CancellationToken ct)
    {
        await using var db = StorageOptions.Sqlite(dataDirectory).Open();
        return await db.PartnerCopies.CountAsync(c => c.HeldVersion == c.QueuedVersion, ct) == copies;
    }

    /// <summary>The cells of <paramref name="agency"/>'s row in a table the command line printed.</summary>
    private static string[] Row(string table, string agency) =>
        table.Split('\n').Where(line => line.StartsWith('│')).Select(line => line.Split('│', StringSplitOptions.TrimEntries)[1..^1])
            .SingleOrDefault(cells => cells[0] == agency) ?? throw new Xunit.Sdk.XunitException($"no row for {agency} in:\n{table}");

    /// <summary>The commands of the guide's walkthrough, in order, each with the machine its block names and this test's hosts, ports and folders.</summary>
    private sealed class Guide
    {
        private readonly List<(string Machine, string Command)> _commands;
        private int _next;

        private Guide(List<(string, string)> commands) => _commands = commands;

        public static Guide Read(string path, string root, IEnumerable<Machine> machines)
        {
            var text = File.ReadAllText(path);
            var start = text.IndexOf("### Two agencies on two machines", StringComparison.Ordinal);
            Assert.True(start >= 0, $"{path} has no walkthrough");
            var end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
            var section = text[start..(end < 0 ? text.Length : end)];
            var commands = new List<(string, string)>();
            foreach (Match block in Regex.Matches(section, @"```sh\n(.*?)\n\s*```", RegexOptions.Singleline))
            {
                var lines = block.Groups[1].Value.Split('\n').Select(l => l.Trim()).ToList();
                var machine = Regex.Match(lines[0], "^# on ([a-z]+\\.[a-z]+)$").Groups[1].Value;
                Assert.True(machines.Any(m => m.Agency == machine), $"a block that does not say on which machine it runs: {lines[0]}");
                var local = machines.Single(m => m.Agency == machine);
                foreach (var command in Regex.Split(string.Join('\n', lines.Skip(1)), @"(?<!\\)\n").Select(c => Regex.Replace(c, @"\\\n\s*", "")))
                {
                    var substituted = command.Replace("/srv/perimeter/", root + "/", StringComparison.Ordinal)
                        .Replace("0.0.0.0:8443", $"127.0.0.1:{local.ApiPort}", StringComparison.Ordinal);
                    foreach (var m in machines)
                        substituted = substituted.Replace($"{m.Host}:5443", $"127.0.0.1:{m.FederationPort}", StringComparison.Ordinal)
                            .Replace($"{m.Host}:8443", $"127.0.0.1:{m.ApiPort}", StringComparison.Ordinal);
                    Assert.DoesNotContain(".example", substituted, StringComparison.Ordinal);
                    commands.Add((machine, substituted));
                }
            }
            return new Guide(commands);
        }

        /// <summary>The guide's next command, which must run on <paramref name="machine"/> and begin with <paramref name="beginning"/>.</summary>
        public string Next(string machine, string beginning, string? placeholder = null)
        {
            Assert.True(_next < _commands.Count, $"the guide ends before \"{beginning}\" on {machine}");
            var (on, command) = _commands[_next++];
            Assert.True(on == machine && command.StartsWith(beginning, StringComparison.Ordinal),
                $"the guide's command {_next} is \"{command}\" on {on}; the test expected \"{beginning}…\" on {machine}");
            if (placeholder is null)
                return command;
            Assert.Matches("<[^>]+>", command);
            return Regex.Replace(command, "<[^>]+>", placeholder);
        }

        public void AssertAllRun()
        {
            if (_next < _commands.Count)
                Assert.Fail($"the guide's commands from {_next + 1} on were not run: {_commands[_next].Command}");
        }
    }

    /// <summary>
    /// An operator's shell on one machine: one bash process for the whole walkthrough, so that variables set by one command
    /// are there for the next, with <c>perimeter</c> on its PATH and no PERIMETER_ variable in its environment.
    /// </summary>
    private sealed class Terminal : IAsyncDisposable
    {
        private readonly Process _bash;
        private readonly string _marker = $"--- {Guid.NewGuid():N}";

        private Terminal(Process bash) => _bash = bash;

        /// <summary>A <c>perimeter</c> command in a folder of its own, as an installed program would be.</summary>
        public static string InstallPerimeter(string root)
        {
            var bin = Directory.CreateDirectory(Path.Combine(root, "bin")).FullName;
            var script = Path.Combine(bin, "perimeter");
            File.WriteAllText(script, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "perimeter.dll")}' \"$@\" </dev/null\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return bin;
        }

        public static ProcessStartInfo StartInfo(string bin, string home, params string[] arguments)
        {
            Directory.CreateDirectory(home);
            var start = new ProcessStartInfo("bash", ["--noprofile", "--norc", .. arguments])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = home,
            };
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("PERIMETER_", StringComparison.Ordinal)).ToList())
                start.Environment.Remove(name);
            start.Environment["PATH"] = $"{bin}:{start.Environment["PATH"]}";
            start.Environment["Logging__LogLevel__Default"] = "Warning";
            return start;
        }

        public static Terminal Start(string bin, string home)
        {
            var bash = Process.Start(StartInfo(bin, home))!;   // Start returns null only for shell-executed documents
            bash.StandardInput.AutoFlush = true;
            bash.StandardInput.WriteLine("exec 2>&1");
            return new Terminal(bash);
        }

        /// <summary>Runs one command line and returns what it printed; a command that fails fails the test with its output.</summary>
        public async Task<string> RunAsync(string command, CancellationToken ct)
        {
            await _bash.StandardInput.WriteLineAsync(command);
            await _bash.StandardInput.WriteLineAsync($"printf '\\n{_marker} %d\\n' $?");
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromMinutes(3));
            var output = new List<string>();
            while (await _bash.StandardOutput.ReadLineAsync(deadline.Token) is { } line)
            {
                if (line.StartsWith(_marker, StringComparison.Ordinal))
                {
                    var printed = string.Join('\n', output).Trim();
                    Assert.True(line == $"{_marker} 0", $"{command}\nexited {line[_marker.Length..].Trim()}:\n{printed}");
                    return printed;
                }
                output.Add(line);
            }
            throw new Xunit.Sdk.XunitException($"the shell ended during: {command}\n{string.Join('\n', output)}");
        }

        public async ValueTask DisposeAsync()
        {
            if (!_bash.HasExited)
            {
                _bash.Kill(entireProcessTree: true);
                await _bash.WaitForExitAsync();
            }
            _bash.Dispose();
        }
    }
}

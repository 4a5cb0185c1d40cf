using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Audit;
using Perimeter.Features.Demo;
using Perimeter.Storage;
using Perimeter.Tests.Cli;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Federation;

/// <summary>Nodes as separate processes: killed with SIGKILL in the middle of a delivery, started again, nothing lost or doubled.</summary>
public sealed class NodeProcessTests
{
    [Fact]
    public async Task Killing_either_node_mid_delivery_loses_nothing_and_applies_every_version_once_in_order()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("perimeter-kill-").FullName;
        try
        {
            FederationDemo.DemoNode[] nodes =
            [
                new("us.cbp", "us.cbp", NodeProcess.FreePort(), NodeProcess.FreePort(), Path.Combine(root, "us.cbp")),
                new("mx.inm", "mx.inm", NodeProcess.FreePort(), NodeProcess.FreePort(), Path.Combine(root, "mx.inm")),
            ];
            await FederationDemo.ConfigureAsync(nodes, ct);
            await using var us = Serve(nodes[0]);
            await using var mx = Serve(nodes[1]);
            await us.StartAsync(ct);
            await mx.StartAsync(ct);
            var alerts = Path.Combine(root, "alerts.jsonl");

            // Version 1 of a thousand alerts, imported by another process into us.cbp's database; mx.inm killed mid-delivery.
            var contents = Enumerable.Range(0, 1000).Select(i => AnAlert.Person("Subject", $"Number {i}")).ToList();
            await File.WriteAllLinesAsync(alerts, contents.Select(PerimeterJson.Serialize), ct);
            await ImportAsync(nodes[0], alerts, ct);
            await UntilAsync(nodes[1], count => count is > 0 and < 1000, version: 1, "some, not all, copies at mx.inm", ct);
            await mx.KillAsync();
            await mx.StartAsync(ct);
            await UntilAsync(nodes[1], count => count == 1000, version: 1, "1,000 copies after mx.inm came back", ct);

            // Version 2 of each; this time the sender, us.cbp, is killed mid-delivery.
            await File.WriteAllLinesAsync(alerts, contents.Select(c => PerimeterJson.Serialize(c with { Narrative = "Second version." })), ct);
            await ImportAsync(nodes[0], alerts, ct);
            await UntilAsync(nodes[1], count => count is > 0 and < 1000, version: 2, "some version 2 copies at mx.inm", ct);
            await us.KillAsync();
            await us.StartAsync(ct);
            await UntilAsync(nodes[1], count => count == 1000, version: 2, "every copy at version 2 after us.cbp came back", ct);

            await using var db = StorageOptions.Sqlite(nodes[1].DataDirectory).Open();
            var versions = await db.AlertVersions.AsNoTracking().Select(v => new { v.AlertId, v.Version, v.At }).ToListAsync(ct);
            Assert.Equal(2000, versions.Count);
            Assert.All(versions.GroupBy(v => v.AlertId), g => Assert.Equal([1, 2], g.OrderBy(v => v.At).ThenBy(v => v.Version).Select(v => v.Version)));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task A_partner_that_has_just_started_answers_the_first_hit_no_hit_query_within_the_askers_deadline()
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("perimeter-cold-").FullName;
        try
        {
            FederationDemo.DemoNode[] nodes =
            [
                new("us.cbp", "us.cbp", NodeProcess.FreePort(), NodeProcess.FreePort(), Path.Combine(root, "us.cbp")),
                new("gt.igm", "gt.igm", NodeProcess.FreePort(), NodeProcess.FreePort(), Path.Combine(root, "gt.igm")),
            ];
            await FederationDemo.ConfigureAsync(nodes, ct);   // a query-only agreement between these two
            var alerts = Path.Combine(root, "alerts.jsonl");
            var listed = AnAlert.Person("Rafael", "Caro Quintero");
            await File.WriteAllLinesAsync(alerts, [PerimeterJson.Serialize(listed with { Markings = listed.Markings with { ReleasableTo = ["us.cbp"] } })], ct);
            await ImportAsync(nodes[1], alerts, ct);
            var token = await PerimeterProcess.RunAsync(["tokens", "create", "--name", "lane", "--role", "officer", "--data", nodes[0].DataDirectory],
                ct, new Dictionary<string, string>(StringComparer.Ordinal) { ["PERIMETER_Node__Agency"] = nodes[0].Agency });
            Assert.True(token.ExitCode == 0, token.Error);

            // Both nodes cold: the first query after /health says ready, under the default 2 s deadline.
            await using var us = Serve(nodes[0]);
            await using var gt = Serve(nodes[1]);
            await Task.WhenAll(us.StartAsync(ct), gt.StartAsync(ct));
            // gt.igm rehearsed an answer before it said ready, and kept nothing of it.
            Assert.Equal((0, 0), await AnsweredAsync(nodes[1], ct));
            using var http = new HttpClient { BaseAddress = new Uri(nodes[0].ApiUrl) };
            http.DefaultRequestHeaders.Authorization = new("Bearer", token.Output.Trim());
            http.DefaultRequestHeaders.Add("X-Purpose", "counter-narcotics");
            var clock = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync("/api/v1/screen/partners", new { name = "Rafael Caro Quintero" }, ct);
            var elapsed = clock.Elapsed;
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.IsSuccessStatusCode, body);
            Assert.True(body.Contains("\"outcome\":\"hit\"", StringComparison.Ordinal), $"after {elapsed.TotalMilliseconds:F0} ms: {body}\n{gt.Output}");
            Assert.Equal((1, 1), await AnsweredAsync(nodes[1], ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    // SIGTERM, as a service manager or `kill` sends it: a process started in the background by a non-interactive
    // shell (as test runners are) ignores SIGINT from birth, by POSIX rule; Ctrl-C in a terminal sends SIGINT.
    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task The_demo_federation_starts_three_nodes_that_replicate_and_none_outlives_it(string signal)
    {
        var ct = TestContext.Current.CancellationToken;
        var root = Directory.CreateTempSubdirectory("perimeter-demo-").FullName;
        var basePort = FreeBasePort();
        using var demo = Process.Start(PerimeterProcess.StartInfo(["demo", "federation", "--base-port", $"{basePort}", "--data", root]))!;   // Start returns null only for shell-executed documents
        var output = new System.Text.StringBuilder();
        demo.OutputDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        demo.ErrorDataReceived += (_, line) => { lock (output) output.AppendLine(line.Data); };
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        string Printed() { lock (output) return output.ToString(); }
        try
        {
            await FederationNode.EventuallyAsync(() => Task.FromResult(Printed().Contains("Agreements: ", StringComparison.Ordinal)), "the federation running", ct, seconds: 180);
            Assert.Contains($"http://127.0.0.1:{basePort + 10}", Printed(), StringComparison.Ordinal);
            Assert.Contains("analyst", Printed(), StringComparison.Ordinal);
            // The demo skips OFAC on purpose: no node may claim its files are missing.
            Assert.DoesNotContain("OFAC files", Printed(), StringComparison.Ordinal);

            var mxData = Path.Combine(root, "federation", "mx.inm");
            await FederationNode.EventuallyAsync(async () =>
            {
                await using var db = StorageOptions.Sqlite(mxData).Open();
                return await db.Alerts.AnyAsync(a => a.IsPartnerCopy && a.Originator == "us.cbp", ct);
            }, "us.cbp's alerts at mx.inm", ct, seconds: 60);
            // us.cbp and mx.inm share one deconfliction key, by the same id on both sides.
            await using (var usDb = StorageOptions.Sqlite(Path.Combine(root, "federation", "us.cbp")).Open())
            await using (var mxDb = StorageOptions.Sqlite(mxData).Open())
            {
                var keyId = (await usDb.DeconflictionKeys.SingleAsync(k => k.Partner == "mx.inm", ct)).KeyId;
                Assert.Equal(keyId, (await mxDb.DeconflictionKeys.SingleAsync(k => k.Partner == "us.cbp", ct)).KeyId);
            }

            using (var stop = Process.Start("kill", [$"-{signal}", $"{demo.Id}"]))
                await stop.WaitForExitAsync(ct);
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(ct);
            grace.CancelAfter(TimeSpan.FromSeconds(60));
            await demo.WaitForExitAsync(grace.Token);

            // Stopped by the demo, or, when the demo itself was killed, each node on finding its parent gone.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            await FederationNode.EventuallyAsync(async () =>
            {
                foreach (var port in new[] { basePort, basePort + 10, basePort + 20 })
                {
                    try
                    {
                        using var answer = await http.GetAsync($"http://127.0.0.1:{port}/health", ct);
                        return false;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                    {
                    }
                }
                return true;
            }, "every node stopped", ct, seconds: 60);
            await FederationNode.EventuallyAsync(async () => !(await ProcessesUsingAsync(root, ct)).Any(), "no node process left", ct, seconds: 60);
        }
        finally
        {
            if (!demo.HasExited)
                demo.Kill(entireProcessTree: true);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>The ids of processes whose command line names <paramref name="folder"/>, from pgrep(1).</summary>
    private static async Task<IReadOnlyList<string>> ProcessesUsingAsync(string folder, CancellationToken ct)
    {
        using var pgrep = Process.Start(new ProcessStartInfo("pgrep", ["-f", folder]) { RedirectStandardOutput = true })!;   // not shell-executed
        var found = await pgrep.StandardOutput.ReadToEndAsync(ct);
        await pgrep.WaitForExitAsync(ct);
        return found.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static NodeProcess Serve(FederationDemo.DemoNode node) => new(
        ["serve", "--data", node.DataDirectory, "--urls", node.ApiUrl],
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PERIMETER_Node__Agency"] = node.Agency,
            ["PERIMETER_Node__Federation__Url"] = node.FederationUrl,
            ["PERIMETER_Node__Federation__DeliveryIntervalMilliseconds"] = "50",
            ["PERIMETER_Node__Federation__BatchSize"] = "20",
            ["PERIMETER_Node__Federation__MaxBackoffSeconds"] = "2",
        },
        $"{node.ApiUrl}/health");

    /// <summary>The hits a node recorded for partners' queries, and its audit records of answering them.</summary>
    private static async Task<(int Hits, int Answers)> AnsweredAsync(FederationDemo.DemoNode node, CancellationToken ct)
    {
        await using var db = StorageOptions.Sqlite(node.DataDirectory).Open();
        return (await db.PartnerHits.CountAsync(ct), await db.AuditRecords.CountAsync(r => r.Action == AuditAction.PartnerQueryAnswered, ct));
    }

    private static async Task ImportAsync(FederationDemo.DemoNode node, string file, CancellationToken ct)
    {
        var result = await PerimeterProcess.RunAsync(["import", "alerts", file, "--data", node.DataDirectory],
            ct, new Dictionary<string, string>(StringComparer.Ordinal) { ["PERIMETER_Node__Agency"] = node.Agency });
        Assert.True(result.ExitCode == 0, result.Error);
    }

    private static Task UntilAsync(FederationDemo.DemoNode node, Func<int, bool> done, int version, string what, CancellationToken ct) =>
        FederationNode.EventuallyAsync(async () =>
        {
            await using var db = StorageOptions.Sqlite(node.DataDirectory).Open();
            return done(await db.Alerts.CountAsync(a => a.IsPartnerCopy && a.Version >= version, ct));
        }, what, ct, seconds: 180);

    private static readonly int[] DemoPortOffsets = [0, 1, 10, 11, 20, 21];

    /// <summary>A base port whose +0, +1, +10, +11, +20 and +21 are free now.</summary>
    private static int FreeBasePort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var candidate = Random.Shared.Next(20_000, 60_000);
            if (DemoPortOffsets.All(offset => IsFree(candidate + offset)))
                return candidate;
        }
        throw new InvalidOperationException("no free base port found");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}

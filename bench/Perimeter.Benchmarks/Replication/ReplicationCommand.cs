using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Demo;
using Perimeter.Features.Federation;
using Perimeter.Storage;

namespace Perimeter.Benchmarks.Replication;

/// <summary>
/// <c>replication [--count 100000] [--baseline-count 5000]</c>: two nodes (us.cbp, mx.inm) in this process, each
/// on its own SQLite file, talking HTTPS with mutual TLS on loopback. Measures how long the copies take to
/// converge and how many messages a second go through: live (publishing while the partner is up) and after an
/// outage (the partner down while everything is published, then started). Beside it, in the same run, the
/// baseline of one message per request (batch size 1) on a smaller count.
/// </summary>
internal static class ReplicationCommand
{
    public static int Run(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var count = int.Parse(options.GetValueOrDefault("--count", "100000"), CultureInfo.InvariantCulture);
        var baselineCount = int.Parse(options.GetValueOrDefault("--baseline-count", "5000"), CultureInfo.InvariantCulture);
        var alerts = Alerts(Math.Max(count, baselineCount));
        Console.WriteLine($"{"run",-34} {"alerts",8} {"batch",6} {"publish s",10} {"converge s",11} {"msg/s",8}");
        foreach (var (name, n, batch, outage) in new[]
        {
            ("baseline: one message per request", baselineCount, 1, false),
            ("batched, live", baselineCount, 100, false),
            ("batched, live", count, 100, false),
            ("batched, after an outage", count, 100, true),
        })
        {
            var run = RunOnce(alerts.Take(n).ToList(), batch, outage).GetAwaiter().GetResult();
            Console.WriteLine($"{name,-34} {n,8} {batch,6} {run.Publish.TotalSeconds,10:0.0} {run.Converge.TotalSeconds,11:0.0} {n / run.Converge.TotalSeconds,8:0}");
        }
        return 0;
    }

    private sealed record Result(TimeSpan Publish, TimeSpan Converge);

    /// <summary>Converge: from the end of publishing (live) or the partner's start (outage) to every copy applied.</summary>
    private static async Task<Result> RunOnce(List<AlertContent> alerts, int batch, bool outage)
    {
        var root = Directory.CreateTempSubdirectory("perimeter-bench-replication-").FullName;
        try
        {
            var us = new Node("us.cbp", root, batch);
            var mx = new Node("mx.inm", root, batch);
            var setup = await us.StartAsync();
            var partner = await mx.StartAsync();
            await Join(setup, us, mx);
            await Join(partner, mx, us);
            await Node.StopAsync(setup);
            await Node.StopAsync(partner);
            var usApp = await us.StartAsync();
            var mxApp = outage ? null : await mx.StartAsync();
            var clock = Stopwatch.StartNew();
            await using (var scope = usApp.Services.CreateAsyncScope())
            {
                var writer = scope.ServiceProvider.GetRequiredService<AlertWriter>();
                foreach (var chunk in alerts.Chunk(5_000))
                {
                    var imported = await writer.ImportAsync(chunk, "bench", Caller.Operator("us.cbp"), CancellationToken.None);
                    if (!imported.IsValid)
                        throw new InvalidOperationException($"import refused: {imported.Errors}");
                }
            }
            var published = clock.Elapsed;
            if (outage)
            {
                // Let the sender find its partner down and back off, as in a real outage.
                await Task.Delay(TimeSpan.FromSeconds(5));
                mxApp = await mx.StartAsync();
            }
            var from = clock.Elapsed;
            await using var db = StorageOptions.Sqlite(mx.DataDirectory).Open();
            while (await db.Alerts.CountAsync(a => a.IsPartnerCopy) < alerts.Count)
                await Task.Delay(100);
            var converged = clock.Elapsed - from;
            await Node.StopAsync(mxApp!);
            await Node.StopAsync(usApp);
            return new Result(published, converged);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task Join(WebApplication app, Node self, Node partner)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var operatorCaller = Caller.Operator(self.Agency);
        var pem = await File.ReadAllTextAsync(NodeIdentity.CertificatePathOf(partner.DataDirectory));
        await scope.ServiceProvider.GetRequiredService<PartnerService>().AddAsync(new NewPartner(partner.Agency, partner.FederationUrl, pem), operatorCaller, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AgreementService>().AddAsync(new NewAgreement
        {
            Partner = partner.Agency,
            Kinds = [Agreement.Any],
            Categories = [Agreement.Any],
            Purposes = Purposes.CounterNarcotics,
            RetentionDays = 365,
        }, operatorCaller, CancellationToken.None);
    }

    /// <summary>Synthetic alerts of every kind, each released to mx.inm for counter-narcotics at AMBER.</summary>
    private static List<AlertContent> Alerts(int count) =>
        [.. SyntheticAlerts.Generate(count, seed: 11, DateOnly.FromDateTime(DateTime.UtcNow)).Select((a, i) => a with
        {
            ExternalRef = $"bench-{i}",
            Markings = a.Markings with { Tlp = Tlp.Amber, ReleasableTo = ["mx.inm"], Purposes = Purposes.CounterNarcotics },
        })];

    private sealed class Node(string agency, string root, int batch)
    {
        private readonly int _apiPort = Loopback.FreePort();
        private readonly int _federationPort = Loopback.FreePort();

        public string Agency => agency;
        public string DataDirectory { get; } = Path.Combine(root, agency);
        public string FederationUrl => $"https://127.0.0.1:{_federationPort}";

        public async Task<WebApplication> StartAsync()
        {
            if (!NodeIdentity.Exists(DataDirectory))
                NodeIdentity.Create(DataDirectory, agency, null, DateTimeOffset.UtcNow);
            var app = NodeHost.Build(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["urls"] = $"http://127.0.0.1:{_apiPort}",
                ["Node:Agency"] = agency,
                ["Node:DataDirectory"] = DataDirectory,
                ["Node:Federation:Url"] = FederationUrl,
                ["Node:Federation:DeliveryIntervalMilliseconds"] = "50",
                ["Node:Federation:BatchSize"] = batch.ToString(CultureInfo.InvariantCulture),
                ["Node:Federation:MaxBackoffSeconds"] = "2",
                ["Logging:LogLevel:Default"] = "Error",
            }, services => services.AddLogging(l => l.SetMinimumLevel(LogLevel.Error)));
            await NodeHost.PrepareAsync(app, CancellationToken.None);
            await app.StartAsync();
            return app;
        }

        public static async Task StopAsync(WebApplication app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}

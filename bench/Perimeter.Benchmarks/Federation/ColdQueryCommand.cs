using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Demo;
using Perimeter.Features.Tokens;
using Perimeter.Features.Federation;

namespace Perimeter.Benchmarks.Federation;

/// <summary>
/// <c>cold-query [--rounds 5]</c>: how long an officer waits for the first hit/no-hit answer from a partner that has
/// just started. Each round starts two fresh nodes as their own processes (us.cbp asks, gt.igm holds one listed alert),
/// waits for both to say ready, and times the first query through us.cbp's API and a second one, warm, as the
/// baseline — once with the partner's warm-up (the default) and once without it, in the same run.
/// </summary>
internal static class ColdQueryCommand
{
    public static int Run(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var rounds = int.Parse(options.GetValueOrDefault("--rounds", "5"), CultureInfo.InvariantCulture);
        Console.WriteLine($"{"warm-up",-8} {"round",5} {"first ms",9} {"second ms",10} outcome");
        var firsts = new Dictionary<bool, List<double>> { [true] = [], [false] = [] };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var warmUp in new[] { true, false })
            {
                var (first, second, outcome) = RoundAsync(warmUp).GetAwaiter().GetResult();
                firsts[warmUp].Add(first);
                Console.WriteLine($"{(warmUp ? "on" : "off"),-8} {round,5} {first,9:0} {second,10:0} {outcome}");
            }
        }
        foreach (var (warmUp, times) in firsts)
            Console.WriteLine($"median first query, warm-up {(warmUp ? "on" : "off")}: {times.Order().ElementAt(times.Count / 2):0} ms");
        return 0;
    }

    private static async Task<(double First, double Second, string Outcome)> RoundAsync(bool warmUp)
    {
        var root = Directory.CreateTempSubdirectory("perimeter-bench-cold-").FullName;
        var processes = new List<Process>();
        try
        {
            FederationDemo.DemoNode[] nodes =
            [
                new("us.cbp", "us.cbp", Loopback.FreePort(), Loopback.FreePort(), Path.Combine(root, "us.cbp")),
                new("gt.igm", "gt.igm", Loopback.FreePort(), Loopback.FreePort(), Path.Combine(root, "gt.igm")),
            ];
            await FederationDemo.ConfigureAsync(nodes, CancellationToken.None);   // us.cbp–gt.igm: query only
            await InNodeAsync(nodes[1], async services =>
            {
                var listed = Listed();
                var imported = await services.GetRequiredService<AlertWriter>().ImportAsync([listed], "bench", Caller.Operator("gt.igm"), CancellationToken.None);
                if (!imported.IsValid)
                    throw new InvalidOperationException($"import refused: {imported.Errors}");
            });
            var secret = "";
            await InNodeAsync(nodes[0], async services =>
                secret = (await services.GetRequiredService<TokenService>().CreateAsync("bench", "us.cbp", Role.Officer, null, Caller.Operator("us.cbp"), CancellationToken.None)).Secret);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            foreach (var node in nodes)
                processes.Add(Serve(node, warmUp));
            foreach (var node in nodes)
                await UntilReadyAsync(http, node);
            http.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            http.DefaultRequestHeaders.Add("X-Purpose", "counter-narcotics");
            var first = await TimeQueryAsync(http, nodes[0]);
            var second = await TimeQueryAsync(http, nodes[0]);
            return (first.Milliseconds, second.Milliseconds, first.Outcome);
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                process.Dispose();
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static AlertContent Listed() => new()
    {
        Kind = AlertKind.Person,
        Category = AlertCategory.WantedForArrest,
        ActionOnHit = ActionOnHit.Detain,
        Narrative = "Listed for the cold-query benchmark.",
        ExternalRef = "bench-cold-1",
        Markings = new Markings { Tlp = Tlp.Amber, ReleasableTo = ["us.cbp"], Purposes = Purposes.CounterNarcotics },
        Subject = new AlertSubject { Person = new PersonData { Names = [new PersonName("Rafael", "Caro Quintero")] } },
    };

    private static async Task InNodeAsync(FederationDemo.DemoNode node, Func<IServiceProvider, Task> work)
    {
        await using var app = NodeHost.Build(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Node:Agency"] = node.Agency,
            ["Node:DataDirectory"] = node.DataDirectory,
            ["Logging:LogLevel:Default"] = "Error",
        });
        await NodeHost.PrepareAsync(app, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    private static Process Serve(FederationDemo.DemoNode node, bool warmUp)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "perimeter.dll"), "serve", "--data", node.DataDirectory, "--urls", node.ApiUrl })
            start.ArgumentList.Add(argument);
        start.Environment["PERIMETER_Node__Agency"] = node.Agency;
        start.Environment["PERIMETER_Node__Federation__Url"] = node.FederationUrl;
        start.Environment["PERIMETER_Node__Federation__WarmUp"] = warmUp ? "true" : "false";
        var process = Process.Start(start)!;   // Start returns null only for shell-executed documents
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task UntilReadyAsync(HttpClient http, FederationDemo.DemoNode node)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await http.GetAsync($"{node.ApiUrl}/health");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{node.Agency} was not ready in 120 s");
    }

    private static async Task<(double Milliseconds, string Outcome)> TimeQueryAsync(HttpClient http, FederationDemo.DemoNode asker)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsJsonAsync($"{asker.ApiUrl}/api/v1/screen/partners", new { name = "Rafael Caro Quintero" });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        var answer = await response.Content.ReadFromJsonAsync<PartnerQueryResult>(PerimeterJson.Options);
        return (elapsed, answer is { Answers.Count: > 0 } ? answer.Answers[0].Outcome : $"HTTP {(int)response.StatusCode}");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Perimeter.Benchmarks.Speed;
using Perimeter.Features.Alerts;
using Perimeter.Features.Demo;

namespace Perimeter.Benchmarks.Http;

/// <summary>
/// <c>http --url URL --token T [--rate 200] [--seconds 30]</c>: screens synthetic names through a running node's
/// <c>POST /api/v1/screen</c> at a fixed rate (open loop: a slow answer does not slow the sender), and reports latency
/// percentiles and errors. Loopback only; bounded in count and time.
/// </summary>
internal static class HttpCommand
{
    public static int Run(string[] args)
    {
        var options = args.Chunk(2).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!options.TryGetValue("--url", out var url) || !options.TryGetValue("--token", out var token)
            || !Uri.TryCreate(url, UriKind.Absolute, out var address) || !address.IsLoopback)
        {
            Console.Error.WriteLine("usage: http --url http://127.0.0.1:PORT --token TOKEN [--rate 200] [--seconds 30]  (loopback only)");
            return 2;
        }
        var rate = int.Parse(options.GetValueOrDefault("--rate", "200"), CultureInfo.InvariantCulture);
        var seconds = Math.Clamp(int.Parse(options.GetValueOrDefault("--seconds", "30"), CultureInfo.InvariantCulture), 1, 300);
        var names = SyntheticAlerts.Generate(2_000, seed: 7, new DateOnly(2026, 1, 1))
            .Where(a => a.Kind == AlertKind.Person)
            .Select(a => a.Subject.Person!.Names[0].Display)
            .ToArray();

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add("X-Purpose", "border-security");
        // Warm the connection pool and the node's index before measuring.
        for (var i = 0; i < 20; i++)
            client.PostAsJsonAsync("/api/v1/screen", new { name = names[i] }).GetAwaiter().GetResult().Dispose();

        var total = rate * seconds;
        var latencies = new double[total];
        var failures = 0;
        var start = Stopwatch.GetTimestamp();
        var requests = new Task[total];
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
                Thread.Sleep(wait);
            var index = i;
            requests[i] = Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsJsonAsync("/api/v1/screen", new { name = names[index % names.Length] });
                    if (!response.IsSuccessStatusCode)
                        Interlocked.Increment(ref failures);
                    await response.Content.ReadAsByteArrayAsync();
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                }
                latencies[index] = Latencies.MicrosecondsSince(sent);
            });
        }
        Task.WaitAll(requests);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{total:N0} screenings at {rate}/s for {seconds} s ({total / elapsed:0} sent per second): {new Latencies(latencies).Summary()}; {failures} failed"));
        return failures == 0 ? 0 : 1;
    }
}

using Perimeter.Benchmarks.Accuracy;
using Perimeter.Benchmarks.Deconfliction;
using Perimeter.Benchmarks.Federation;
using Perimeter.Benchmarks.Http;
using Perimeter.Benchmarks.Replication;
using Perimeter.Benchmarks.Speed;

// dotnet run -c Release --project bench/Perimeter.Benchmarks -- COMMAND [options]
return args switch
{
    ["accuracy", .. var rest] => AccuracyBenchmark.Run(rest),
    ["speed", .. var rest] => SpeedCommand.Run(rest),
    ["micro", .. var rest] => MicroCommand.Run(rest),
    ["http", .. var rest] => HttpCommand.Run(rest),
    ["replication", .. var rest] => ReplicationCommand.Run(rest),
    ["cold-query", .. var rest] => ColdQueryCommand.Run(rest),
    ["deconfliction-lookup", .. var rest] => TokenLookupCommand.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Perimeter.Benchmarks <command> [options]");
    Console.Error.WriteLine("  accuracy   precision and recall of screening on a development set built from shared/data, beside baselines");
    Console.Error.WriteLine("  speed      index build, latency and throughput on a generated watchlist [--count N[,N…]] [--queries Q]");
    Console.Error.WriteLine("  micro      BenchmarkDotNet cases of the per-query path [BenchmarkDotNet options]");
    Console.Error.WriteLine("  replication  two nodes on loopback over mutual TLS: time to converge and messages/s, live and after an outage [--count 100000] [--baseline-count 5000]");
    Console.Error.WriteLine("  cold-query the first hit/no-hit query to a partner that has just started, with and without its warm-up [--rounds 5]");
    Console.Error.WriteLine("  deconfliction-lookup  a partner's blind-index query against that many stored tokens, with and without the index [--tokens 10000000] [--lookups 1000]");
    Console.Error.WriteLine("  http       POST /api/v1/screen on a running node at a fixed rate --url URL --token T [--rate 200] [--seconds 30]");
    return 2;
}

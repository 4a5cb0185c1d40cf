using BenchmarkDotNet.Running;

namespace Perimeter.Benchmarks.Speed;

/// <summary><c>micro [BenchmarkDotNet options]</c>: the per-query path on a 100,000-person list, with BenchmarkDotNet.</summary>
internal static class MicroCommand
{
    public static int Run(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromTypes([typeof(ScreenBenchmarks)]).Run(args.Length == 0 ? ["--filter", "*"] : args);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}

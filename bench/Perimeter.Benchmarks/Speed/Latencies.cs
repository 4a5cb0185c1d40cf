using System.Diagnostics;
using System.Globalization;

namespace Perimeter.Benchmarks.Speed;

/// <summary>Latencies in microseconds, summarised by nearest-rank percentiles.</summary>
internal sealed class Latencies(IReadOnlyList<double> microseconds)
{
    private readonly double[] _sorted = [.. microseconds.Order()];

    public int Count => _sorted.Length;
    public double Mean => _sorted.Length == 0 ? 0 : _sorted.Average();
    public double Max => _sorted.Length == 0 ? 0 : _sorted[^1];

    /// <summary>Nearest rank: P(50) of [1, 2, 3, 4] is 2.</summary>
    public double P(double percentile) =>
        _sorted.Length == 0 ? 0 : _sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    /// <summary>"p50 0.21 ms, p90 …" in milliseconds.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Ms(P(50))} ms, p90 {Ms(P(90))} ms, p99 {Ms(P(99))} ms, max {Ms(Max)} ms, mean {Ms(Mean)} ms (n = {Count:N0})");

    public static string Ms(double microseconds) => (microseconds / 1000).ToString(microseconds < 10_000 ? "0.000" : "0.0", CultureInfo.InvariantCulture);

    public static double MicrosecondsSince(long start) => Stopwatch.GetElapsedTime(start).TotalMicroseconds;
}

using System.Globalization;
using Perimeter.Features.Alerts;
using Perimeter.Features.Imports;

namespace Perimeter.Features.Demo;

/// <summary>
/// A seeded synthetic watchlist of person alerts for benchmarks and tests, drawn as the demo draws its persons and
/// written as the import CSV one row at a time: the same seed and count always give the same bytes.
/// </summary>
internal static class SyntheticWatchlist
{
    public const int MaxCount = 10_000_000;

    /// <summary>Prefix of every external ref, <c>gen-7-42</c>: a second import of the same file updates, never duplicates.</summary>
    public const string ExternalRefPrefix = "gen-";

    /// <summary>How many rows pass between two progress reports (and two checks for cancellation).</summary>
    public const int ReportEvery = 10_000;

    /// <summary>Dates of birth count back from this day, not from today, so that a seed gives the same file on any day.</summary>
    public static readonly DateOnly ReferenceDay = new(2026, 1, 1);

    /// <summary>The persons one at a time, never all at once: <c>Persons(1000, 7)</c> → <c>gen-7-1</c> … <c>gen-7-1000</c>.</summary>
    public static IEnumerable<AlertContent> Persons(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var prefix = string.Create(CultureInfo.InvariantCulture, $"{ExternalRefPrefix}{seed}-");
        for (var number = 1; number <= count; number++)
        {
            var alert = SyntheticAlerts.NextPerson(random, ReferenceDay, prefix + number.ToString(CultureInfo.InvariantCulture));
            // No review date: the importing node sets its category's default, where a fixed date would one day be past.
            yield return alert with { Markings = alert.Markings with { ReviewBy = null } };
        }
    }

    /// <summary>
    /// Writes <paramref name="count"/> persons as the import CSV, header first; <paramref name="progress"/> hears the
    /// number written every <see cref="ReportEvery"/> rows and at the end.
    /// </summary>
    public static void WriteCsv(Stream output, int count, int seed, Action<int>? progress = null, CancellationToken ct = default)
    {
        using var csv = new AlertCsvWriter(output);
        var written = 0;
        foreach (var person in Persons(count, seed))
        {
            csv.Write(person);
            if (++written % ReportEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(written);
            }
        }
        csv.Flush();
        progress?.Invoke(written);
    }
}

using System.CommandLine;
using System.Globalization;
using Perimeter.Cli;
using Perimeter.Features.Imports;
using Spectre.Console;

namespace Perimeter.Features.Demo;

internal static class GenerateCommands
{
    // Below this many rows the file is written before a progress bar would have drawn twice.
    private const int ProgressBarFrom = 100_000;

    public static Command Create()
    {
        var generate = new Command("generate", "Generate synthetic data for tests and benchmarks; the node's database is not touched");

        var count = new Option<int>("--count") { Description = $"How many persons, 1 to {SyntheticWatchlist.MaxCount:N0}", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed and count give the same file, byte for byte", DefaultValueFactory = _ => 1 };
        var output = new Option<FileInfo>("--output") { Description = "CSV file to write in the import format (docs/import-formats.md); replaced if it exists", Required = true };
        var persons = new Command("persons",
            "A synthetic watchlist of person alerts: Hispanic and English names at realistic frequencies, aliases, nicknames, " +
            "dates of birth, nationalities and documents, with external refs gen-SEED-N; load it with `perimeter import alerts FILE`")
        {
            count, seed, output,
        };
        persons.SetAction((parsed, ct) => Task.FromResult(
            WritePersons(parsed.GetValue(count), parsed.GetValue(seed), parsed.GetValue(output)!, ct)));   // required

        generate.Add(persons);
        return generate;
    }

    private static int WritePersons(int count, int seed, FileInfo output, CancellationToken ct)
    {
        if (count is < 1 or > SyntheticWatchlist.MaxCount)
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"--count must be between 1 and {SyntheticWatchlist.MaxCount:N0}, not {count:N0}");
        if (seed < 0)
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"--seed must be 0 or more, not {seed}");
        var path = output.FullName;
        if (!string.Equals(output.Extension, ".csv", StringComparison.OrdinalIgnoreCase))
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"{path}: the output must be a .csv file, as `perimeter import alerts` tells formats by extension");
        if (Directory.Exists(path))
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"{path}: is a folder; name a .csv file");
        if (!Directory.Exists(output.DirectoryName))
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"{path}: the folder {output.DirectoryName} does not exist");

        // Written beside the target and moved over it at the end, so that a failed or cancelled run leaves no half file.
        var partial = path + ".partial";
        FileStream file;
        try
        {
            file = Open(partial);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"{path}: cannot create the file: {Reason(e, partial, path)}");
        }
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            using (file)
            {
                if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected && count >= ProgressBarFrom)
                    WriteWithProgressBar(file, count, seed, ct);
                else
                    SyntheticWatchlist.WriteCsv(file, count, seed, ct: ct);
            }
            File.Move(partial, path, overwrite: true);
        }
        catch (OperationCanceledException)
        {
            File.Delete(partial);
            return NodeCommandLine.Fail(ExitCode.Failed, $"{path}: cancelled; nothing was written");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(partial);
            return NodeCommandLine.Fail(ExitCode.Failed, $"{path}: {Reason(e, partial, path)}; nothing was written");
        }

        var bytes = new FileInfo(path).Length;
        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        // Said at once, rather than when an import of the file is refused.
        var note = bytes > AlertFileReader.DefaultMaxBytes
            ? string.Create(CultureInfo.InvariantCulture,
                $"; `perimeter import alerts` reads at most {AlertFileReader.DefaultMaxBytes / 1024 / 1024} MB, about {AlertFileReader.DefaultMaxBytes * count / bytes / 10_000 * 10_000:N0} persons")
            : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {count:N0} persons (seed {seed}) to {path}: {bytes / 1024.0 / 1024.0:N1} MB in {seconds:N1} s{note}"));
        return ExitCode.Ok;
    }

    // The messages name the file the operator asked for, not the temporary one beside it.
    private static string Reason(Exception e, string partial, string path) =>
        e is UnauthorizedAccessException ? "permission denied" : e.Message.Replace(partial, path, StringComparison.Ordinal);

    // The CSV writer buffers 64 KiB and writes whole buffers, so the file needs no buffer of its own.
    private static FileStream Open(string path) => new(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);

    private static void WriteWithProgressBar(Stream output, int count, int seed, CancellationToken ct) =>
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask($"{count:N0} persons", maxValue: count);
                SyntheticWatchlist.WriteCsv(output, count, seed, written => task.Value = written, ct);
            });
}

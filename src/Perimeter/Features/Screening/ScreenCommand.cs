using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Perimeter.Cli;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Imports;
using Perimeter.Matching.Screening;
using Perimeter.Storage;
using Spectre.Console;

namespace Perimeter.Features.Screening;

/// <summary><c>perimeter screen</c>: a port's manifest or an analyst's list against a watchlist, to a results CSV.</summary>
internal static class ScreenCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "CSV with a header: id,name[,dob,nationality,sex,document,kind]", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Results CSV: query_id,rank,alert_ref,score,band,explanation,evidence_for,evidence_against", Required = true };
        var watchlist = new Option<string?>("--watchlist") { Description = "ofac:DIR (OFAC's legacy CSV files) or csv:FILE (the import format); default: the node's alerts (--data)" };
        var top = new Option<int>("--top") { Description = "Candidates per query, best first", DefaultValueFactory = _ => 5 };
        var threshold = new Option<double?>("--threshold") { Description = $"Lowest score written; default the possible band ({ScoringModel.Default.PossibleThreshold})" };
        var screen = new Command("screen", "Screen a list of subjects against a watchlist") { input, output, watchlist, top, threshold };
        screen.SetAction(async (parsed, ct) =>
        {
            var options = ScreeningOptions.Default with
            {
                Top = parsed.GetValue(top),
                Threshold = parsed.GetValue(threshold) ?? ScoringModel.Default.PossibleThreshold,
            };
            if (options.Top is < 1 or > 100)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, "--top must be between 1 and 100");
            if (options.Threshold is not (>= 0 and <= 1))
                return NodeCommandLine.Fail(ExitCode.InvalidInput, "--threshold must be between 0 and 1");
            var read = ScreeningInput.FromFile(parsed.GetValue(input)!.FullName);
            if (!read.IsValid)
            {
                foreach (var error in read.Errors.Take(20))
                    Console.Error.WriteLine(error);
                return ExitCode.InvalidInput;
            }
            var source = parsed.GetValue(watchlist);
            if (source is null)
            {
                return await NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
                {
                    var (list, references) = await FromNodeAsync(services.GetRequiredService<PerimeterDb>(), token);
                    var code = await ScreenAsync(read.Queries, list, references, options, parsed.GetValue(output)!, token);
                    var db = services.GetRequiredService<PerimeterDb>();
                    await services.GetRequiredService<AuditLog>().RecordAsync(Caller.Operator(node.Agency),
                        new AuditEntry(AuditAction.Search, "screening", null, Detail: $"cli queries={read.Queries.Count}"), token);
                    return code;
                }, ct, reads: true);
            }
            var loaded = Load(source);
            if (loaded.Error is { } problem)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, problem);
            return await ScreenAsync(read.Queries, loaded.List!, loaded.References!, options, parsed.GetValue(output)!, ct);
        });
        return screen;
    }

    private static async Task<int> ScreenAsync(IReadOnlyList<ScreeningInput.Query> queries, Watchlist list, Dictionary<Guid, string> references,
        ScreeningOptions options, FileInfo output, CancellationToken ct)
    {
        var results = new (string, IReadOnlyList<Match>)[queries.Count];
        var clock = Stopwatch.StartNew();
        void Run(Action<int> advance) => Parallel.For(0, queries.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            results[i] = (queries[i].Id, list.Screen(queries[i].Subject, options with { Kind = queries[i].Subject.Kind }));
            advance(1);
        });
        if (AnsiConsole.Profile.Capabilities.Interactive && queries.Count >= 1_000)
            await AnsiConsole.Progress().StartAsync(async context =>
            {
                var task = context.AddTask("screening", maxValue: queries.Count);
                await Task.Run(() => Run(n => task.Increment(n)), ct);
            });
        else
            Run(_ => { });
        try
        {
            await using var writer = new StreamWriter(output.FullName);
            ScreeningInput.WriteResults(writer, results, id => references.TryGetValue(id, out var reference) ? reference : id.ToString());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"{output.FullName}: cannot write: {e.Message}");
        }
        var hits = results.Count(r => r.Item2.Count > 0);
        Console.Error.WriteLine($"screened {queries.Count} subjects against {list.Count} entries in {clock.Elapsed.TotalSeconds:0.0} s: {hits} with candidates");
        return ExitCode.Ok;
    }

    private static (Watchlist? List, Dictionary<Guid, string>? References, string? Error) Load(string source)
    {
        var (scheme, path) = source.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon ? (source[..colon], source[(colon + 1)..]) : ("", source);
        switch (scheme)
        {
            case "ofac":
                if (!File.Exists(Path.Combine(path, OfacReader.SdnFile)))
                    return (null, null, $"{path}: no sdn.csv here (OFAC's legacy CSV files: sdn.csv, alt.csv, add.csv)");
                var ofac = OfacReader.Read(path);
                var ofacEntries = ofac.Entries.Select(e => (Id: OfacId(e.EntNum), Ref: $"ofac:{e.EntNum}", e.Content)).ToList();
                return Build(ofacEntries);
            case "csv":
                // A watchlist of a million persons is larger than an import file may be; it is the operator's own file.
                var file = AlertFileReader.Read(path, maxBytes: 2L << 30);
                if (!file.IsValid)
                    return (null, null, file.Errors[0].ToString());
                return Build([.. file.Alerts.Select((a, i) => (Id: Guid.CreateVersion7(), Ref: a.ExternalRef ?? $"csv:{i + 1}", Content: a))]);
            default:
                return (null, null, $"--watchlist \"{source}\": expected ofac:DIR or csv:FILE");
        }
    }

    private static (Watchlist, Dictionary<Guid, string>, string?) Build(List<(Guid Id, string Ref, AlertContent Content)> entries)
    {
        var list = Watchlist.Build(entries.Select(e => (e.Id, AlertSubjects.Of(e.Content.Kind, e.Content.Normalized().Subject))), NodeMatchingTables.Load(null));
        return (list, entries.ToDictionary(e => e.Id, e => e.Ref), null);
    }

    private static async Task<(Watchlist, Dictionary<Guid, string>)> FromNodeAsync(PerimeterDb db, CancellationToken ct)
    {
        var entries = new List<(Guid, Subject)>();
        var references = new Dictionary<Guid, string>();
        await foreach (var alert in db.Alerts.AsNoTracking().Where(a => a.Status == AlertStatus.Active && a.SubjectJson != null).AsAsyncEnumerable().WithCancellation(ct))
        {
            entries.Add((alert.Id, AlertSubjects.Of(alert.Kind, PerimeterJson.Deserialize<AlertSubject>(alert.SubjectJson!))));
            references[alert.Id] = alert.ExternalRef is { } external && external.StartsWith("ofac:", StringComparison.Ordinal) ? external : alert.Id.ToString();
        }
        return (Watchlist.Build(entries, NodeMatchingTables.Load(null)), references);
    }

    /// <summary>A stable id per OFAC entry, so results map back to <c>ofac:&lt;ent_num&gt;</c>.</summary>
    private static Guid OfacId(int entNum) => new(entNum, 0x0fac, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

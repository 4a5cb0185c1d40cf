using System.CommandLine;
using System.Diagnostics;
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
        var agency = new Option<string?>("--agency") { Description = "Against the node's alerts: the agency screened for (us.cbp); only what the policy lets it see" };
        var role = new Option<string?>("--role") { Description = "Against the node's alerts: the role acted in (officer, analyst, supervisor)" };
        var purpose = new Option<string?>("--purpose") { Description = "Against the node's alerts: the purpose of the screening (sanctions, counter-narcotics, …)" };
        var screen = new Command("screen", "Screen a list of subjects against a watchlist") { input, output, watchlist, top, threshold, agency, role, purpose };
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
            var actingAs = (Agency: parsed.GetValue(agency), Role: parsed.GetValue(role), Purpose: parsed.GetValue(purpose));
            if (source is not null)
            {
                if (actingAs != default)
                    return NodeCommandLine.Fail(ExitCode.Usage, "--agency, --role and --purpose name who screens the node's alerts: not with --watchlist (see: perimeter screen --help)");
            }
            else
            {
                if (CallerOf(actingAs.Agency, actingAs.Role, actingAs.Purpose) is not { } caller)
                    return NodeCommandLine.Fail(ExitCode.Usage,
                        "screening the node's alerts needs --agency, --role (officer, analyst or supervisor) and --purpose: the policy shows only what they may see (see: perimeter screen --help)");
                return await NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
                {
                    var snapshot = await services.GetRequiredService<ScreeningIndex>().EnsureCurrentAsync(services.GetRequiredService<PerimeterDb>(), token);
                    var policy = services.GetRequiredService<AccessPolicy>();
                    var visible = snapshot.Alerts.Values.Where(a => policy.Decide(caller, a).IsAllowed).Select(a => a.Id).ToHashSet();
                    var references = snapshot.Alerts.Values.ToDictionary(a => a.Id,
                        a => a.ExternalRef is { } external && external.StartsWith("ofac:", StringComparison.Ordinal) ? external : a.Id.ToString());
                    var (code, results) = await ScreenAsync(read.Queries, snapshot.Watchlist, visible.Contains, references, options, parsed.GetValue(output)!, token);
                    await services.GetRequiredService<AuditLog>().RecordAsync(caller, new AuditEntry(AuditAction.Screen, "alert",
                        results.SelectMany(r => r.Matches).Select(m => (object)m.Id).Distinct(),
                        Detail: $"cli queries={read.Queries.Count} with-candidates={results.Count(r => r.Matches.Count > 0)} model={snapshot.Watchlist.Version}"), token);
                    return code;
                }, ct, reads: true);
            }
            var loaded = Load(source);
            if (loaded.Error is { } problem)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, problem);
            return (await ScreenAsync(read.Queries, loaded.List!, null, loaded.References!, options, parsed.GetValue(output)!, ct)).Code;
        });
        return screen;
    }

    /// <summary>
    /// The caller the command acts as against the node's alerts: a named agency, one role that reads alerts and one
    /// purpose, all given; null when any is missing or unknown. It is audited as the operator acting for that agency.
    /// </summary>
    private static Caller? CallerOf(string? agency, string? roleText, string? purposeText)
    {
        if (!AgencyId.IsValid(agency) || !Roles.TryParse(roleText, out var role) || !Roles.ReadsAlerts(role)
            || !MarkingText.TryParsePurpose(purposeText, out var purpose))
            return null;
        return Caller.Operator(agency!) with { Roles = new HashSet<Role> { role }, Purpose = purpose };
    }

    private static async Task<(int Code, (string QueryId, IReadOnlyList<Match> Matches)[] Results)> ScreenAsync(IReadOnlyList<ScreeningInput.Query> queries,
        Watchlist list, Func<Guid, bool>? mayConsider, Dictionary<Guid, string> references, ScreeningOptions options, FileInfo output, CancellationToken ct)
    {
        var results = new (string QueryId, IReadOnlyList<Match> Matches)[queries.Count];
        var clock = Stopwatch.StartNew();
        void Run(Action<int> advance) => Parallel.For(0, queries.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            results[i] = (queries[i].Id, list.Screen(queries[i].Subject, options with { Kind = queries[i].Subject.Kind }, mayConsider));
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
            return (NodeCommandLine.Fail(ExitCode.InvalidInput, $"{output.FullName}: cannot write: {e.Message}"), results);
        }
        var hits = results.Count(r => r.Matches.Count > 0);
        Console.Error.WriteLine($"screened {queries.Count} subjects against {list.Count} entries in {clock.Elapsed.TotalSeconds:0.0} s: {hits} with candidates");
        return (ExitCode.Ok, results);
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

    /// <summary>A stable id per OFAC entry, so results map back to <c>ofac:&lt;ent_num&gt;</c>.</summary>
    private static Guid OfacId(int entNum) => new(entNum, 0x0fac, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

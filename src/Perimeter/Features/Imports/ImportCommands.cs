using System.CommandLine;
using Perimeter.Cli;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;

namespace Perimeter.Features.Imports;

internal static class ImportCommands
{
    public static Command Create()
    {
        var import = new Command("import", "Import alerts from files; a file is imported whole or not at all");

        var directory = new Argument<DirectoryInfo>("dir") { Description = "Folder with OFAC's sdn.csv, alt.csv and add.csv" };
        var ofac = new Command("ofac", "Import the OFAC SDN list (legacy CSV); a second import updates, never duplicates") { directory };
        ofac.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            var folder = parsed.GetValue(directory)!;
            if (!File.Exists(Path.Combine(folder.FullName, "sdn.csv")))
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"{folder.FullName}: no sdn.csv here (OFAC's legacy CSV files: sdn.csv, alt.csv, add.csv)");
            var list = OfacReader.Read(folder.FullName);
            return await ImportAsync(services, node, [.. list.Entries.Select(e => e.Content)], "ofac", $"{folder.FullName}/sdn.csv", token);
        }, ct));

        var file = new Argument<FileInfo>("file") { Description = "CSV, JSON or JSON Lines file in the node's import format (docs/import-formats.md)" };
        var alerts = new Command("alerts", "Import the node's own alerts from CSV or JSON") { file };
        alerts.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            var path = parsed.GetValue(file)!.FullName;
            var read = AlertFileReader.Read(path);
            if (read.Errors.Count > 0)
            {
                foreach (var error in read.Errors.Take(20))
                    Console.Error.WriteLine(error);
                if (read.Errors.Count > 20)
                    Console.Error.WriteLine($"… and {read.Errors.Count - 20} more errors; nothing was imported");
                return ExitCode.InvalidInput;
            }
            return await ImportAsync(services, node, read.Alerts, Path.GetFileName(path), path, token);
        }, ct));

        import.Add(ofac);
        import.Add(alerts);
        return import;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, NodeOptions node, IReadOnlyList<AlertContent> contents, string source, string path, CancellationToken ct)
    {
        using var activity = Telemetry.Source.StartActivity("import");
        var result = await services.GetRequiredService<AlertWriter>().ImportAsync(contents, source, Caller.Operator(node.Agency), ct);
        if (!result.IsValid)
            return NodeCommandLine.Fail(ExitCode.InvalidInput, $"{path}: record {result.InvalidIndex + 1}: {result.Errors}; nothing was imported");
        Telemetry.AlertsImported.Add(result.Created + result.Updated);
        Console.WriteLine($"imported {contents.Count} alerts from {source}: {result.Created} created, {result.Updated} updated, {result.Unchanged} unchanged" +
            (result.LeftRetracted > 0 ? $", {result.LeftRetracted} left retracted (retracted on this node)" : ""));
        return ExitCode.Ok;
    }
}

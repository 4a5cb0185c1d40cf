using System.Diagnostics;

namespace Perimeter.Tests.Cli;

/// <summary>Runs the built <c>perimeter</c> program as a separate process, as an operator would.</summary>
internal static class PerimeterProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IEnumerable<string> arguments, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null,
        string? input = null)
    {
        var start = StartInfo(arguments, environment);
        using var process = Process.Start(start)!;   // Start returns null only for shell-executed documents
        if (input is not null)
            await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>How to start the built program with its output and input redirected, logging warnings only.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "perimeter.dll"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        return start;
    }

    /// <summary>The options that point a command at a test database.</summary>
    /// <summary>The options naming a us.cbp node on <paramref name="database"/>, whose folder <paramref name="dataDirectory"/> says so.</summary>
    public static string[] NodeOptions(Infrastructure.TestDatabase database, string dataDirectory)
    {
        UsNode(dataDirectory);
        return Options(database, dataDirectory);
    }

    /// <summary>Makes <paramref name="dataDirectory"/> the folder of a us.cbp node, as <c>perimeter init</c> would name it, and names it.</summary>
    public static string[] UsNode(string dataDirectory)
    {
        if (Perimeter.Features.Setup.NodeFolder.Read(dataDirectory) is null)
            new Perimeter.Features.Setup.NodeFolder(Infrastructure.TestNode.Agency, "U.S. Customs and Border Protection", "US").Write(dataDirectory);
        return ["--data", dataDirectory];
    }

    private static string[] Options(Infrastructure.TestDatabase database, string dataDirectory) => database.Database switch
    {
        Infrastructure.Database.Sqlite => ["--data", dataDirectory, "--connection-string", database.Storage.ConnectionString, "--database", "sqlite"],
        Infrastructure.Database.Postgres => ["--data", dataDirectory, "--connection-string", database.Storage.ConnectionString, "--database", "postgres"],
    };
}

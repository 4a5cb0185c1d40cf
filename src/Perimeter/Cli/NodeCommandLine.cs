using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using Perimeter.Features.Setup;
using Perimeter.Storage;

namespace Perimeter.Cli;

/// <summary>The options that choose a node, shared by every command, and the way a command opens it.</summary>
internal static class NodeCommandLine
{
    public static readonly Option<string?> Data = new("--data") { Description = "Data folder of the node (SQLite file, demo sign-ins); default ./data", Recursive = true };
    public static readonly Option<DatabaseKind?> Database = new("--database") { Description = "sqlite (default) or postgres", Recursive = true };
    public static readonly Option<string?> ConnectionString = new("--connection-string") { Description = "Database connection string (required for postgres)", Recursive = true };

    public static Dictionary<string, string?> Overrides(ParseResult parsed)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (parsed.GetValue(Data) is { } data)
            overrides["Node:DataDirectory"] = data;
        if (parsed.GetValue(Database) is { } database)
            overrides["Node:Database"] = database.ToString();
        if (parsed.GetValue(ConnectionString) is { } connection)
        {
            overrides["Node:ConnectionString"] = connection;
            if (parsed.GetValue(Database) is null && !connection.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
                overrides["Node:Database"] = nameof(DatabaseKind.Postgres);
        }
        return overrides;
    }

    /// <summary>
    /// Opens the node (migrating its database), runs one command in a scope, and turns broken settings or an
    /// unreachable database into one line on stderr and an exit code. A command that only <paramref name="reads"/>
    /// refuses a node whose database is not there (exit 5) instead of creating an empty one.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parsed, Func<IServiceProvider, NodeOptions, CancellationToken, Task<int>> command, CancellationToken ct,
        bool reads = false)
    {
        try
        {
            await using var app = NodeHost.Build(Overrides(parsed));
            var node = app.Services.GetRequiredService<IOptions<NodeOptions>>().Value;
            if (reads && !await node.Storage.ExistsAsync(ct))
                return Fail(ExitCode.NotFound, $"no node database at {node.Storage.Describe()}: name the node's folder with --data (or its --connection-string)");
            await NodeHost.PrepareAsync(app, ct);
            await using var scope = app.Services.CreateAsyncScope();
            return await command(scope.ServiceProvider, node, ct);
        }
        catch (NoNodeException e)
        {
            return Fail(ExitCode.NotFound, e.Message);
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"invalid settings: {string.Join("; ", e.Failures)}");
            return ExitCode.InvalidInput;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException { InnerException: DbException } or TimeoutException)
        {
            Console.Error.WriteLine($"database unavailable: {e.Message.Split('\n')[0]}");
            return ExitCode.Unavailable;
        }
    }

    public static int Report(string message)
    {
        Console.WriteLine(message);
        return ExitCode.Ok;
    }

    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}

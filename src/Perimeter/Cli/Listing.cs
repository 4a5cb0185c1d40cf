using System.CommandLine;
using Spectre.Console;

namespace Perimeter.Cli;

/// <summary>
/// How every list command prints: a table for a person, or with <c>--output json</c> the same rows as a JSON array for a
/// script. A table sent to a pipe or file is not wrapped at 80 columns, so a pin or an id stays on one line.
/// </summary>
internal static class Listing
{
    public static Option<string> Output() => new Option<string>("--output")
    {
        Description = "table (default) or json",
        DefaultValueFactory = _ => "table",
    }.AcceptOnlyFromAmong("table", "json");

    public static int Write<T>(ParseResult parsed, IReadOnlyList<T> rows, string[] columns, Func<T, string?[]> cells)
    {
        if (parsed.GetValue<string>("--output") == "json")
        {
            Console.WriteLine(PerimeterJson.Serialize(rows));
            return ExitCode.Ok;
        }
        var table = new Table().AddColumns(columns);
        foreach (var row in rows)
            table.AddRow([.. cells(row).Select(cell => Markup.Escape(cell ?? ""))]);
        var console = Console.IsOutputRedirected
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors })
            : AnsiConsole.Console;
        if (Console.IsOutputRedirected)
            console.Profile.Width = int.MaxValue / 2;   // as wide as the rows need
        console.Write(table);
        return ExitCode.Ok;
    }
}

using System.CommandLine;
using Perimeter.Cli;
using Perimeter.Features.Agencies;
using Perimeter.Features.Audit;
using Perimeter.Features.Deconfliction;
using Perimeter.Features.Demo;
using Perimeter.Features.Federation;
using Perimeter.Features.Imports;
using Perimeter.Features.Screening;
using Perimeter.Features.Setup;
using Perimeter.Features.Tokens;
using Perimeter.Features.Users;

var root = new RootCommand("Perimeter: a node for sharing alerts between partner agencies under agreements")
{
    NodeCommandLine.Data,
    NodeCommandLine.Database,
    NodeCommandLine.ConnectionString,
    InitCommand.Create(),
    ServeCommand.Create(),
    ImportCommands.Create(),
    UserCommands.Create(),
    TokenCommands.Create(),
    AgencyCommands.Create(),
    AuditCommands.Create(),
    ScreenCommand.Create(),
    GenerateCommands.Create(),
    FederationCommands.Pki(),
    FederationCommands.Partners(),
    FederationCommands.Agreements(),
    DeconflictionCommands.Create(),
    FederationDemo.Create(),
};
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && !args.Any(a => a is "-h" or "--help" or "-?"))
{
    // One line a script can log and a person can act on, not the help page with every error under it.
    var errors = parsed.Errors.Select(e => e.Message.TrimEnd('.')).Distinct(StringComparer.Ordinal).ToList();
    // "bogus" is the news; that no command was given follows from it.
    if (errors.Count > 1)
        errors.RemoveAll(e => e.StartsWith("Required command was not provided", StringComparison.Ordinal));
    var words = new List<string> { "perimeter" };
    for (var result = parsed.CommandResult; result.Command != root; result = (System.CommandLine.Parsing.CommandResult)result.Parent!)
        words.Insert(1, result.Command.Name);
    return NodeCommandLine.Fail(ExitCode.Usage, $"{string.Join("; ", errors)} (see: {string.Join(' ', words)} --help)");
}
return await parsed.InvokeAsync();

using System.CommandLine;
using Perimeter.Cli;
using Perimeter.Features.Agencies;
using Perimeter.Features.Audit;
using Perimeter.Features.Demo;
using Perimeter.Features.Federation;
using Perimeter.Features.Imports;
using Perimeter.Features.Screening;
using Perimeter.Features.Tokens;
using Perimeter.Features.Users;

var root = new RootCommand("Perimeter: a node for sharing alerts between partner agencies under agreements")
{
    NodeCommandLine.Data,
    NodeCommandLine.Database,
    NodeCommandLine.ConnectionString,
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
    FederationDemo.Create(),
};
return await root.Parse(args).InvokeAsync();

using System.CommandLine;
using Perimeter.Cli;
using Perimeter.Features.Access;

namespace Perimeter.Features.Agencies;

internal static class AgencyCommands
{
    public static Command Create()
    {
        var agencies = new Command("agencies", "Agencies known to this node");
        var id = new Argument<string>("id") { Description = "country.name, such as mx.inm" };
        var name = new Option<string>("--name") { Description = "Display name", Required = true };
        var url = new Option<string?>("--url") { Description = "The agency's node URL" };
        var add = new Command("add", "Add an agency") { id, name, url };
        add.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            var (agency, errors) = await services.GetRequiredService<AgencyService>().AddAsync(
                new NewAgency(parsed.GetValue(id)!, parsed.GetValue(name)!, parsed.GetValue(url)), Caller.Operator(node.Agency), token);
            if (agency is null)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"agency not added: {errors}");
            Console.WriteLine($"added {agency.Id} ({agency.Name})");
            return ExitCode.Ok;
        }, ct));
        var list = new Command("list", "List agencies") { Listing.Output() };
        list.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, _, token) =>
            Listing.Write(parsed, await services.GetRequiredService<AgencyService>().ListAsync(token), ["Id", "Country", "Name", "Node URL", "This node"],
                a => [a.Id, a.Country, a.Name, a.NodeUrl, a.IsThisNode ? "yes" : ""]), ct, reads: true));
        agencies.Add(add);
        agencies.Add(list);
        return agencies;
    }
}

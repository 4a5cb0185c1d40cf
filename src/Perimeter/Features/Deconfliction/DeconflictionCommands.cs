using System.CommandLine;
using Perimeter.Cli;
using Perimeter.Features.Access;

namespace Perimeter.Features.Deconfliction;

/// <summary>
/// <c>perimeter deconfliction keys …</c>: the keys this node shares with each partner for blind-index deconfliction.
/// One operator creates a key and reads its id and secret to the other over a secure channel; the other adds it,
/// the secret on standard input so that it stays out of shell history and process lists.
/// </summary>
internal static class DeconflictionCommands
{
    public static Command Create()
    {
        var partner = new Option<string>("--partner") { Description = "The partner agency, such as mx.inm", Required = true };
        var keyId = new Option<string>("--key-id") { Description = "The key's id, as its maker printed it", Required = true };

        var create = new Command("create", "Make a new key with a partner; prints its id and secret once, for the partner's operator") { partner };
        create.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            if (await services.GetRequiredService<PartnerDeconfliction>().CreateKeyAsync(parsed.GetValue(partner)!, Caller.Operator(node.Agency), token) is not { } key)
                return NodeCommandLine.Fail(ExitCode.NotFound, $"no partner \"{parsed.GetValue(partner)}\": see perimeter partners list");
            Console.WriteLine($"key {key.KeyId} with {parsed.GetValue(partner)}; secret (shown once, give it to the partner's operator over a secure channel):");
            Console.WriteLine(key.Secret);
            return ExitCode.Ok;
        }, ct));

        var add = new Command("add", "Add the key a partner's operator made: the secret is read from standard input") { partner, keyId };
        add.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            var secret = await Console.In.ReadLineAsync(token) ?? "";
            if (await services.GetRequiredService<PartnerDeconfliction>().AddKeyAsync(parsed.GetValue(partner)!, parsed.GetValue(keyId)!, secret, Caller.Operator(node.Agency), token) is { } refusal)
                return NodeCommandLine.Fail(ExitCode.InvalidInput, $"key not added: {refusal}");
            Console.WriteLine($"key {parsed.GetValue(keyId)} with {parsed.GetValue(partner)} added");
            return ExitCode.Ok;
        }, ct));

        var retire = new Command("retire", "Stop using a key: after a rotation, once both sides hold the new one") { partner, keyId };
        retire.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            if (!await services.GetRequiredService<PartnerDeconfliction>().RetireKeyAsync(parsed.GetValue(partner)!, parsed.GetValue(keyId)!, Caller.Operator(node.Agency), token))
                return NodeCommandLine.Fail(ExitCode.NotFound, $"no key {parsed.GetValue(keyId)} in force with {parsed.GetValue(partner)}");
            Console.WriteLine($"key {parsed.GetValue(keyId)} with {parsed.GetValue(partner)} retired");
            return ExitCode.Ok;
        }, ct));

        var list = new Command("list", "Keys per partner, newest first, never their secrets") { Listing.Output() };
        list.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, _, token) =>
            Listing.Write(parsed, await services.GetRequiredService<PartnerDeconfliction>().KeysAsync(token), ["Partner", "Key", "Created", "Retired"],
                k => [k.Partner, k.KeyId, k.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                    k.RetiredAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture)]), ct, reads: true));

        var keys = new Command("keys", "Keys shared with partners for blind-index deconfliction") { create, add, retire, list };
        return new Command("deconfliction", "Deconfliction with partner nodes") { keys };
    }
}

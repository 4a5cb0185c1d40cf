using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Perimeter.Cli;
using Perimeter.Features.Access;
using Perimeter.Storage;

namespace Perimeter.Features.Audit;

internal static class AuditCommands
{
    public static Command Create()
    {
        var audit = new Command("audit", "The audit log");
        var expectHead = new Option<string?>("--expect-head") { Description = "Head hash written down earlier: also detects records cut from the end" };
        var verify = new Command("verify", "Check the hash chain and name the first broken link") { expectHead };
        verify.SetAction((parsed, ct) => NodeCommandLine.RunAsync(parsed, async (services, node, token) =>
        {
            var check = await services.GetRequiredService<AuditReader>().VerifyAsync(Caller.Operator(node.Agency), token);
            if (check.FirstBrokenLink is { } broken)
                return NodeCommandLine.Fail(ExitCode.Tampered, $"audit chain broken at record {broken.Sequence}: {broken.Reason}");
            if (parsed.GetValue(expectHead) is { } expected && !string.Equals(expected, check.HeadHash, StringComparison.OrdinalIgnoreCase)
                && !await ContainsHashAsync(services, expected, token))
                return NodeCommandLine.Fail(ExitCode.Tampered, $"audit chain does not contain the expected head {expected}: records were cut from the end");
            Console.WriteLine($"audit chain intact: {check.Count} records, head {check.HeadHash}");
            return ExitCode.Ok;
        }, ct, reads: true));
        audit.Add(verify);
        return audit;
    }

    private static async Task<bool> ContainsHashAsync(IServiceProvider services, string hash, CancellationToken ct)
    {
        var lower = hash.ToLowerInvariant();
        return await services.GetRequiredService<PerimeterDb>().AuditRecords.AnyAsync(r => r.Hash == lower, ct);
    }
}

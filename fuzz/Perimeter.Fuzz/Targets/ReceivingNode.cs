using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Federation;
using Perimeter.Storage;

namespace Perimeter.Fuzz;

/// <summary>
/// A node that receives federation batches without a network: us.cbp on SQLite in a temporary folder, with a
/// throwaway identity, the partner mx.inm pinned with a throwaway certificate of its own, and agreements in both
/// modes for everything. Batches go straight to <see cref="FederationReceiver.ReceiveAsync"/>, as the endpoint sends
/// them once the partner's certificate is found.
/// </summary>
internal sealed class ReceivingNode
{
    public const string Agency = "us.cbp";
    public const string PartnerAgency = "mx.inm";

    private static readonly Lazy<ReceivingNode> Started = new(Start);

    private readonly WebApplication _app;
    private readonly Partner _partner;

    private ReceivingNode(WebApplication app, Partner partner, NodeIdentity partnerIdentity)
    {
        _app = app;
        _partner = partner;
        PartnerIdentity = partnerIdentity;
    }

    public static ReceivingNode Instance => Started.Value;

    /// <summary>The partner's key, to sign what the fuzzer writes as if the partner had sent it.</summary>
    public NodeIdentity PartnerIdentity { get; }

    /// <summary>What the receiver made of <paramref name="batch"/>; one of its three parts is set.</summary>
    public (BatchResult? Result, IReadOnlyList<Refusal> Refusals, FieldErrors? Malformed) Receive(FederationBatch batch)
    {
        using var scope = _app.Services.CreateScope();
        var receiver = scope.ServiceProvider.GetRequiredService<FederationReceiver>();
        return receiver.ReceiveAsync(_partner, batch, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static ReceivingNode Start()
    {
        var folder = Directory.CreateTempSubdirectory("perimeter-fuzz-node-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var app = NodeHost.Build(new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Node:Agency"] = Agency,
            ["Node:DataDirectory"] = folder,
            ["Logging:LogLevel:Default"] = "None",
        });
        NodeHost.PrepareAsync(app, CancellationToken.None).GetAwaiter().GetResult();
        var now = DateTimeOffset.UtcNow;
        NodeIdentity.Create(folder, Agency, null, now);
        var partnerIdentity = NodeIdentity.Create(Path.Combine(folder, PartnerAgency), PartnerAgency, null, now);

        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var caller = Caller.Operator(Agency);
        var (_, partnerErrors) = services.GetRequiredService<PartnerService>().AddAsync(
            new NewPartner(PartnerAgency, "https://127.0.0.1:9", partnerIdentity.Certificate.ExportCertificatePem()), caller, CancellationToken.None)
            .GetAwaiter().GetResult();
        ThrowIfAny(partnerErrors);
        var everyPurpose = Enum.GetValues<Purposes>().Aggregate(Purposes.None, (all, p) => all | p);
        foreach (var mode in Enum.GetValues<AgreementMode>())
        {
            var (_, errors) = services.GetRequiredService<AgreementService>().AddAsync(new NewAgreement
            {
                Partner = PartnerAgency, Mode = mode, Kinds = ["*"], Categories = ["*"], Purposes = everyPurpose, HighestTlp = Tlp.Red, HitReporting = true,
            }, caller, CancellationToken.None).GetAwaiter().GetResult();
            ThrowIfAny(errors);
        }
        var partner = services.GetRequiredService<PerimeterDb>().Partners.AsNoTracking().Single(p => p.Agency == PartnerAgency);
        return new ReceivingNode(app, partner, partnerIdentity);
    }

    private static void ThrowIfAny(FieldErrors errors)
    {
        if (errors.Count > 0)
            throw new InvalidOperationException(string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")));
    }
}

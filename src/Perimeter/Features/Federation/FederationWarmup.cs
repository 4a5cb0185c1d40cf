using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// Runs, before the node says it is ready, what the first hit/no-hit query needs, so that a partner that has just
/// started answers within the asker's deadline (2 s) instead of spending it compiling code: a partner's query answered
/// for real — its agreement, a screening that scores a candidate, the hit's record, the audit, the signature — inside a
/// transaction that is then rolled back, the lookup of the asker by its pin, the partners' clients and certificates, and a TLS handshake with client certificates on loopback.
/// Nothing leaves the process and nothing stays written.
/// </summary>
public sealed class FederationWarmup(PerimeterDb db, FederationIdentity identity, PartnerClients clients, ScreeningIndex index,
    PartnerQueryService queries, IOptions<NodeOptions> options, TimeProvider time)
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (identity.Current is not { } node || !options.Value.Federation.WarmUp)
            return;
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        foreach (var partner in partners)
        {
            clients.For(partner);
            PinnedCertificates.Of(partner);
        }
        _ = await db.Partners.PinnedAsync(node.Pin, ct);   // how the answering side finds who asks
        await RehearseAnswerAsync(partners, ct);
        await HandshakeAsync(node, ct);
    }

    private async Task RehearseAnswerAsync(IReadOnlyList<Partner> partners, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreements = await db.Agreements.AsNoTracking().ToListAsync(ct);
        var asking = (from agreement in agreements
                      from purpose in Enum.GetValues<Purposes>()
                      where agreement.RefusesQuery(purpose, today) is null
                      join partner in partners on agreement.Partner equals partner.Agency
                      select (Partner: partner, Purpose: purpose)).FirstOrDefault();
        if (asking.Partner is null)
            return;   // no partner may ask: nothing to answer quickly
        // A listed name, so that the screening scores a candidate as a real query would.
        var name = index.Current?.Alerts.Values.Select(a => a.DisplayName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "warm up";
        try
        {
            await db.WriteAsync(async token =>
            {
                await queries.AnswerAsync(asking.Partner, new PartnerQueryRequest(Guid.Empty, asking.Purpose, new ScreenRequest { Name = name }), token);
                throw new RolledBack();
            }, ct);
        }
        catch (RolledBack)
        {
        }
    }

    private sealed class RolledBack : Exception;

    /// <summary>A TLS handshake with client certificates between two ends of a loopback connection, this node's certificate on both.</summary>
    private static async Task HandshakeAsync(NodeIdentity node, CancellationToken ct)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        var connecting = client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, ct).AsTask();
        using var accepted = await listener.AcceptTcpClientAsync(ct);
        await connecting;
        // Each end accepts exactly this node's certificate, as pinning does.
        bool IsOwn(object sender, X509Certificate? presented, X509Chain? chain, SslPolicyErrors errors) =>
            presented is not null && string.Equals(CertificatePin.Of(presented), node.Pin, StringComparison.Ordinal);
        await using var server = new SslStream(accepted.GetStream(), false, IsOwn);
        await using var caller = new SslStream(client.GetStream(), false, IsOwn, (_, _, _, _, _) => node.Certificate);
        await Task.WhenAll(
            server.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = node.Certificate, ClientCertificateRequired = true }, ct),
            caller.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost", ClientCertificates = [node.Certificate] }, ct));
    }
}

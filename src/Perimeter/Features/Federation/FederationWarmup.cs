using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Screening;
using Perimeter.Matching.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// Runs, before the node says it is ready, what the first hit/no-hit query needs on either side — the database queries
/// of an answer, a screening, signing and checking a document, the partners' clients, and a TLS handshake with client
/// certificates — so that a partner that has just started answers within the asker's deadline (2 s) instead of spending
/// it compiling code. It reads, signs and sends nothing that leaves the process, and writes nothing.
/// </summary>
public sealed class FederationWarmup(PerimeterDb db, FederationIdentity identity, PartnerClients clients, ScreeningIndex index, TimeProvider time)
{
    public async Task RunAsync(CancellationToken ct)
    {
        if (identity.Current is not { } node)
            return;
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        _ = await db.Agreements.AsNoTracking().Where(a => a.Partner == identity.Agency).ToListAsync(ct);
        _ = await db.PartnerHits.AsNoTracking().AnyAsync(h => h.Asker == identity.Agency, ct);
        index.Current?.Watchlist.Screen(new Subject { Names = [SubjectName.Free("warm up")] }, ScreeningOptions.Default with { Top = 1 }, _ => false);
        var request = PerimeterJson.Serialize(new PartnerQueryRequest(Guid.Empty, Access.Purposes.None, new ScreenRequest { Name = "warm up" }));
        _ = PerimeterJson.Deserialize<PartnerQueryRequest>(request);
        var signed = identity.Sign(new HitAnswerDocument { Holder = identity.Agency, Asker = identity.Agency, QueryId = Guid.Empty, Hit = false, SignedAt = time.GetUtcNow() });
        _ = PerimeterJson.Deserialize<HitAnswerDocument>(signed.Payload);
        _ = CertificatePin.Verifies(node.Certificate, signed.Payload, signed.Signature);
        foreach (var partner in partners)
            clients.For(partner);
        await HandshakeAsync(node, ct);
    }

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

using System.Collections.Concurrent;
using System.Net.Security;

namespace Perimeter.Features.Federation;

/// <summary>
/// One HTTP client per partner: it presents this node's certificate, and trusts the partner's server only
/// when its certificate is the one pinned for it, whatever any certificate authority says.
/// </summary>
public sealed class PartnerClients(FederationIdentity identity) : IDisposable
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);

    public HttpClient For(Partner partner) =>
        _clients.GetOrAdd($"{partner.Agency}|{partner.Url}|{partner.CertificateSha256}", _ => Create(partner));

    private HttpClient Create(Partner partner)
    {
        var certificate = identity.Required.Certificate;
        var pin = partner.CertificateSha256;
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                ClientCertificates = [certificate],
                // Always this node's certificate, whatever issuers the server lists.
                LocalCertificateSelectionCallback = (_, _, _, _, _) => certificate,
                RemoteCertificateValidationCallback = (_, presented, _, _) =>
                    presented is not null && string.Equals(CertificatePin.Of(presented), pin, StringComparison.Ordinal),
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri(partner.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
    }
}

/// <summary>
/// When each partner may be tried again: exponential back-off with jitter after failures, on the machine's
/// clock (a test's node clock may stand still). Held in memory: a restarted node tries every partner at once.
/// </summary>
public sealed class DeliverySchedule
{
    private readonly ConcurrentDictionary<string, (int Failures, long DueAt)> _partners = new(StringComparer.Ordinal);

    public bool IsDue(string partner) =>
        !_partners.TryGetValue(partner, out var state) || TimeProvider.System.GetTimestamp() >= state.DueAt;

    public void Succeeded(string partner) => _partners.TryRemove(partner, out _);

    /// <summary>Waits 0.5 s, 1 s, 2 s… up to <paramref name="max"/>, each ±25 %.</summary>
    public TimeSpan Failed(string partner, TimeSpan max)
    {
        var failures = _partners.TryGetValue(partner, out var state) ? state.Failures + 1 : 1;
        var wait = TimeSpan.FromMilliseconds(Math.Min(max.TotalMilliseconds, 500 * Math.Pow(2, Math.Min(failures - 1, 20))));
        wait *= 0.75 + Random.Shared.NextDouble() / 2;
        _partners[partner] = (failures, TimeProvider.System.GetTimestamp() + (long)(wait.TotalSeconds * TimeProvider.System.TimestampFrequency));
        return wait;
    }
}

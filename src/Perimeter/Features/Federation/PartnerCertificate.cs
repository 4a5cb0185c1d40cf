using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Perimeter.Features.Federation;

/// <summary>
/// The certificate a partner's federation listener presents, read over TLS so that an operator can pin a partner from the
/// pin its operator read out alone, without a file to carry between machines. Nothing is sent: the handshake goes on
/// only for the pinned certificate, and the one presented is returned either way so that a mismatch can name both.
/// </summary>
public static class PartnerCertificate
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>The partner's certificate, or why it could not be read, in words an operator can act on.</summary>
    public static async Task<(X509Certificate2? Certificate, string? Problem)> FetchAsync(Uri url, string pin, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(Deadline);
        X509Certificate2? presented = null;
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(url.IdnHost, url.Port, deadline.Token);
            await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = url.IdnHost,
                // Trust comes from the pin the operators compared, not from a certificate authority.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return presented is not null && string.Equals(CertificatePin.Of(presented), pin, StringComparison.Ordinal);
                },
            }, deadline.Token);
        }
        catch (Exception e) when (presented is not null && e is AuthenticationException or IOException)
        {
            // Another certificate than the pinned one, or a listener that wants a client certificate and ends the
            // handshake after showing its own: either way the certificate is in hand for the caller to judge.
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"no answer from {url} in {Deadline.TotalSeconds:F0} s");
        }
        catch (Exception e) when (e is SocketException or IOException or AuthenticationException)
        {
            return (null, $"unreachable: {url} ({e.Message})");
        }
        return presented is null ? (null, $"{url} presented no certificate") : (presented, null);
    }
}

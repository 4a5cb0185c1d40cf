using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Perimeter.Features.Federation;

/// <summary>The node's identity once <c>perimeter pki init</c> has made it; loaded on first use.</summary>
public sealed class FederationIdentity(IOptions<NodeOptions> options)
{
    private readonly Lock _gate = new();
    private NodeIdentity? _loaded;

    public string Agency => options.Value.Agency;

    public NodeIdentity? Current
    {
        get
        {
            lock (_gate)
            {
                var node = options.Value;
                if (_loaded is null && NodeIdentity.Exists(node.DataDirectory))
                    _loaded = NodeIdentity.Load(node.DataDirectory, node.Federation.KeyPassphrase);
                return _loaded;
            }
        }
    }

    public NodeIdentity Required => Current ?? throw new NoFederationIdentityException(NodeIdentity.FolderOf(options.Value.DataDirectory));

    public SignedDocument Sign<T>(T body) => SignedDocument.Sign(Required, Agency, body);
}

/// <summary>Federation was asked of a node that has no identity yet: the operator's to fix, not a fault (a 409 over HTTP).</summary>
public sealed class NoFederationIdentityException(string folder)
    : InvalidOperationException($"This node has no identity in {folder}: run perimeter pki init.");

/// <summary>Parses pinned certificates once; a pin names one certificate for good.</summary>
public static class PinnedCertificates
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, X509Certificate2> Parsed = new(StringComparer.Ordinal);

    public static X509Certificate2 Of(Partner partner) =>
        Parsed.GetOrAdd(partner.CertificateSha256, _ => X509Certificate2.CreateFromPem(partner.CertificatePem));

    /// <summary>Whether <paramref name="document"/> was signed by <paramref name="signer"/>'s pinned key.</summary>
    public static bool Verifies(Partner signer, SignedDocument document) =>
        string.Equals(document.Signer, signer.Agency, StringComparison.Ordinal)
        && document.Payload.Length <= SignedDocument.MaxPayloadChars
        && CertificatePin.Verifies(Of(signer), document.Payload, document.Signature);
}

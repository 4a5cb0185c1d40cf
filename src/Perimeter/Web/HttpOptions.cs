using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Perimeter.Web;

/// <summary>How the node faces the network: <c>Node:Http</c>.</summary>
public sealed class HttpOptions
{
    /// <summary>
    /// Serve plain HTTP on an address other than loopback (<c>serve --insecure-http</c>): only when the operator says so,
    /// for instance behind a TLS-terminating proxy on a private network.
    /// </summary>
    public bool InsecureHttp { get; set; }

    /// <summary>PKCS#12 file with the certificate and key for <c>https://</c> URLs; by default the node's own, from <c>perimeter pki init</c>.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its password, from the environment (<c>PERIMETER_Node__Http__CertificatePassword</c>), never a flag.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, as addresses or networks
    /// (<c>10.0.0.5</c>, <c>10.0.0.0/24</c>). With none, forwarded headers are ignored: the client is the connection's peer.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    public RateLimitOptions RateLimits { get; set; } = new();

    public IEnumerable<ValidationResult> Validate()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)))
            yield return new ValidationResult($"Node:Http:KnownProxies: \"{proxy}\" is neither an IP address nor a network such as 10.0.0.0/24.", [nameof(KnownProxies)]);
        if (CertificatePath is { } path && !File.Exists(path))
            yield return new ValidationResult($"Node:Http:CertificatePath: no file at {path}.", [nameof(CertificatePath)]);
        var errors = new List<ValidationResult>();
        Validator.TryValidateObject(RateLimits, new ValidationContext(RateLimits), errors, validateAllProperties: true);
        foreach (var error in errors)
            yield return new ValidationResult($"Node:Http:RateLimits:{string.Join(',', error.MemberNames)}: {error.ErrorMessage}", ["RateLimits"]);
    }
}

/// <summary>Requests per minute from one client address, by kind; a request over its limit is answered 429.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Sign-in attempts, successful or not (account lockout stops guessing one account; this stops spraying many).</summary>
    [Range(1, 1_000_000)]
    public int SignInPerMinute { get; set; } = 10;

    /// <summary>Requests presenting an API token that is not valid.</summary>
    [Range(1, 1_000_000)]
    public int TokenFailuresPerMinute { get; set; } = 30;

    /// <summary>Any other request made without signing in (the sign-in page, its assets, the API documentation).</summary>
    [Range(1, 1_000_000)]
    public int UnauthenticatedPerMinute { get; set; } = 300;

    /// <summary>Requests to the federation listener, from one partner address.</summary>
    [Range(1, 1_000_000)]
    public int FederationPerMinute { get; set; } = 6_000;
}

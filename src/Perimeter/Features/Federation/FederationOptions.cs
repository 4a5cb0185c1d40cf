using System.ComponentModel.DataAnnotations;

namespace Perimeter.Features.Federation;

/// <summary>Settings under <c>Node:Federation</c>.</summary>
public sealed class FederationOptions
{
    /// <summary>
    /// Where partners reach this node, such as <c>https://127.0.0.1:5443</c>: HTTPS with client certificates
    /// required. Unset, the node neither listens for partners nor delivers to them.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>Protects the private key file; without it only the file's permissions (0600) do.</summary>
    public string? KeyPassphrase { get; set; }

    /// <summary>How often the outbox is read and delivered when there is no news.</summary>
    [Range(20, 60_000)]
    public int DeliveryIntervalMilliseconds { get; set; } = 250;

    [Range(1, 500)]
    public int BatchSize { get; set; } = 100;

    /// <summary>The longest wait between retries to a partner that does not answer.</summary>
    [Range(1, 3600)]
    public int MaxBackoffSeconds { get; set; } = 5;

    /// <summary>How long a hit/no-hit query waits for each partner before reporting it as not answering.</summary>
    [Range(100, 60_000)]
    public int QueryTimeoutMilliseconds { get; set; } = 2_000;

    /// <summary>
    /// Whether the node rehearses a partner's query before it says it is ready (<see cref="FederationWarmup"/>): on by
    /// default, off only to measure what it saves (<c>bench … cold-query</c>).
    /// </summary>
    public bool WarmUp { get; set; } = true;

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Url);
}

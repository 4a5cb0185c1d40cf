using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Federation;

/// <summary>What federation tests do to nodes: publish in bulk, read outboxes, send raw batches as a partner would.</summary>
internal static class Federations
{
    /// <summary>Publishes (or, with the same references, updates) alerts at <paramref name="node"/> in one import.</summary>
    public static async Task ImportAsync(FederationNode node, IReadOnlyList<AlertContent> alerts, CancellationToken ct)
    {
        await using var scope = node.Running.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AlertWriter>().ImportAsync(alerts, "test", Caller.Operator(node.Agency), ct);
        Assert.True(result.IsValid, $"import refused: {result.Errors}");
    }

    /// <summary>Posts a batch to <paramref name="to"/>'s federation listener over mutual TLS, as <paramref name="from"/>'s node.</summary>
    public static Task<HttpResponseMessage> PostAsync(FederationNode from, FederationNode to, IReadOnlyList<FederationMessage> messages, CancellationToken ct) =>
        ClientOf(from, to).PostAsJsonAsync(FederationDelivery.MessagesPath, new FederationBatch(messages), PerimeterJson.Options, ct);

    /// <summary><paramref name="from"/>'s client for <paramref name="to"/>'s federation listener: mutual TLS, pinned both ways.</summary>
    public static HttpClient ClientOf(FederationNode from, FederationNode to) =>
        from.Running.Services.GetRequiredService<PartnerClients>().For(new Partner
        {
            Agency = to.Agency,
            Url = to.FederationUrl,
            CertificatePem = to.Identity.Certificate.ExportCertificatePem(),
            CertificateSha256 = to.Identity.Pin,
        });

    public static async Task<BatchResult> ReadResultAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return PerimeterJson.Deserialize<BatchResult>(body);
    }

    /// <summary>The messages waiting in a node's outbox for one partner, oldest first.</summary>
    public static Task<List<OutboxMessage>> OutboxAsync(FederationNode node, string partner) =>
        node.QueryAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Partner == partner).OrderBy(m => m.Sequence).ToListAsync());

    public static FederationMessage Message(OutboxMessage m, string to) =>
        new(Guid.NewGuid(), to, m.PreviousVersion, new SignedDocument(m.Signer, m.Payload, m.Signature));

    public static Task<int> AuditCountAsync(FederationNode node, AuditAction action, string? detailContains = null) =>
        node.QueryAsync(db => db.AuditRecords.CountAsync(r => r.Action == action && (detailContains == null || (r.Detail != null && r.Detail.Contains(detailContains)))));

    public static AlertContent ReleasedTo(this AlertContent alert, Handling handling, params string[] agencies) =>
        alert.WithMarkings(m => m with { ReleasableTo = agencies, Handling = handling });
}

using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// Sends each partner its outbox in order, a batch at a time, until the partner acknowledges; retries with
/// back-off when it does not answer. Only while an agreement with the partner is in force: suspending one
/// stops the flow at the next batch, and the messages wait.
/// </summary>
public sealed partial class FederationDelivery(
    PerimeterDb db, AuditLog audit, PartnerClients clients, DeliverySchedule schedule, FederationIdentity identity,
    IOptions<NodeOptions> options, TimeProvider time, ILogger<FederationDelivery> logger)
{
    public const string MessagesPath = "federation/v1/messages";

    /// <summary>One batch to every partner that is due; returns how many messages were acknowledged.</summary>
    public async Task<int> DeliverAsync(CancellationToken ct)
    {
        if (identity.Current is null)
            return 0;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var partners = await db.Partners.AsNoTracking().ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().ToListAsync(ct);
        var delivered = 0;
        foreach (var partner in partners)
        {
            if (!(schedule.IsDue(partner.Agency) || partner.RetryRequested) || !agreements.Any(a => a.Partner == partner.Agency && a.IsInForce(today)))
                continue;
            var batch = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.Partner == partner.Agency && m.DeliveredAt == null && m.RefusedAt == null)
                .OrderBy(m => m.Sequence).Take(options.Value.Federation.BatchSize).ToListAsync(ct);
            if (batch.Count > 0)
                delivered += await SendAsync(partner, batch, ct);
        }
        return delivered;
    }

    private async Task<int> SendAsync(Partner partner, List<OutboxMessage> batch, CancellationToken ct)
    {
        var request = new FederationBatch([.. batch.Select(m => new FederationMessage(m.MessageId, partner.Agency, m.PreviousVersion, new SignedDocument(m.Signer, m.Payload, m.Signature)))]);
        HttpResponseMessage response;
        try
        {
            response = await clients.For(partner).PostAsJsonAsync(MessagesPath, request, PerimeterJson.Options, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException { CancellationToken.IsCancellationRequested: false } or IOException)
        {
            await FailAsync(partner, batch, $"unreachable: {e.Message}", ct);
            return 0;
        }
        using (response)
        {
            if (response.IsSuccessStatusCode && await ReadAsync<BatchResult>(response, ct) is { } result)
                return await AcknowledgeAsync(partner, batch, result, ct);
            if (response.StatusCode == HttpStatusCode.BadRequest && await RefusalsOf(response, ct) is { Count: > 0 } refusals)
            {
                await RefuseAsync(partner, batch, refusals, ct);
                return 0;
            }
            await FailAsync(partner, batch, $"answered {(int)response.StatusCode}", ct);
            return 0;
        }
    }

    private async Task<int> AcknowledgeAsync(Partner partner, List<OutboxMessage> batch, BatchResult result, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        // A partner that answers one message twice is taken at its first answer, not allowed to break the run.
        var byId = result.Results.DistinctBy(r => r.MessageId).ToDictionary(r => r.MessageId);
        var acknowledged = 0;
        var outOfOrder = 0;
        var first = batch[0].Sequence;
        var last = batch[^1].Sequence;
        var alertIds = batch.Select(m => m.AlertId).OfType<Guid>().Distinct().ToList();
        await db.WriteAsync(async token =>
        {
            // Tracked in one query each, so the loop below finds them without asking the database again.
            var messages = await db.OutboxMessages.Where(m => m.Partner == partner.Agency && m.Sequence >= first && m.Sequence <= last)
                .ToDictionaryAsync(m => m.Sequence, token);
            await db.PartnerCopies.Where(c => c.Partner == partner.Agency && alertIds.Contains(c.AlertId)).LoadAsync(token);
            foreach (var sent in batch)
            {
                var message = messages[sent.Sequence];
                message.Attempts++;
                message.LastAttemptAt = now;
                if (!byId.TryGetValue(sent.MessageId, out var answer) || answer.Outcome == MessageOutcome.OutOfOrder)
                {
                    message.LastError = answer is null ? "no answer for this message" : "out of order: an earlier version is missing";
                    outOfOrder++;
                    continue;
                }
                message.DeliveredAt = now;
                message.LastError = null;
                acknowledged++;
                if (answer.Receipt is { } receipt && PinnedCertificates.Verifies(partner, receipt))
                {
                    // Signed by the partner, and about what was sent: its own copy of this node's alert.
                    var document = PerimeterJson.Deserialize<ReceiptDocument>(receipt.Payload);
                    if (document.Holder == partner.Agency && document.Originator == identity.Agency && document.AlertId == sent.AlertId)
                        await PartnerCopies.RecordAsync(db, partner.Agency, document, receipt, token);
                    else
                        message.LastError = "receipt about another copy than the one sent";
                }
                else if (answer.Receipt is not null)
                    message.LastError = "receipt not signed by the partner's pinned key";
            }
            var tracked = await db.Partners.FindAsync([partner.Agency], token);
            tracked!.LastContactAt = now;   // the partner was read a moment ago and is never deleted
            tracked.ConsecutiveFailures = 0;
            tracked.LastError = outOfOrder > 0 ? $"{outOfOrder} message(s) out of order" : null;
            await audit.AppendAsync(Caller.System(identity.Agency), new AuditEntry(AuditAction.FederationDelivered, "partner", [partner.Agency],
                Detail: $"{acknowledged} acknowledged, {outOfOrder} to send again, messages {batch[0].Sequence}-{batch[^1].Sequence}"), token);
        }, ct);
        if (acknowledged == 0)
            schedule.Failed(partner.Agency, TimeSpan.FromSeconds(options.Value.Federation.MaxBackoffSeconds));
        else
            schedule.Succeeded(partner.Agency);
        return acknowledged;
    }

    /// <summary>Refused messages are not sent again; a later version of the same alert then follows the one before.</summary>
    private async Task RefuseAsync(Partner partner, List<OutboxMessage> batch, IReadOnlyList<Refusal> refusals, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var reasons = refusals.ToDictionary(r => r.MessageId, r => r.Reason);
        await db.WriteAsync(async token =>
        {
            foreach (var sent in batch.Where(m => reasons.ContainsKey(m.MessageId)))
            {
                var message = await db.OutboxMessages.FindAsync([sent.Sequence], token);
                message!.RefusedAt = now;   // read a moment ago; messages are never deleted
                message.Attempts++;
                message.LastAttemptAt = now;
                message.LastError = $"refused: {reasons[sent.MessageId]}";
                await db.OutboxMessages
                    .Where(m => m.Partner == partner.Agency && m.AlertId == sent.AlertId && m.Sequence > sent.Sequence && m.PreviousVersion == sent.Version)
                    .ExecuteUpdateAsync(m => m.SetProperty(x => x.PreviousVersion, sent.PreviousVersion), token);
                await audit.AppendAsync(Caller.System(identity.Agency), new AuditEntry(AuditAction.FederationRefused, "message", [sent.MessageId],
                    AuditOutcome.Failed, $"refused by {partner.Agency}: {reasons[sent.MessageId]}"), token);
            }
            var tracked = await db.Partners.FindAsync([partner.Agency], token);
            tracked!.LastContactAt = now;   // read a moment ago; partners are never deleted
            tracked.LastError = $"{refusals.Count} message(s) refused";
        }, ct);
    }

    private async Task FailAsync(Partner partner, List<OutboxMessage> batch, string error, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var wait = schedule.Failed(partner.Agency, TimeSpan.FromSeconds(options.Value.Federation.MaxBackoffSeconds));
        LogFailed(partner.Agency, batch.Count, error, wait.TotalSeconds);
        var first = batch[0].Sequence;
        var last = batch[^1].Sequence;
        var cut = error.Length > 400 ? error[..400] : error;
        await db.WriteAsync(async token =>
        {
            await db.OutboxMessages.Where(m => m.Partner == partner.Agency && m.Sequence >= first && m.Sequence <= last && m.DeliveredAt == null)
                .ExecuteUpdateAsync(m => m.SetProperty(x => x.Attempts, x => x.Attempts + 1).SetProperty(x => x.LastAttemptAt, now).SetProperty(x => x.LastError, cut), token);
            var tracked = await db.Partners.FindAsync([partner.Agency], token);
            tracked!.ConsecutiveFailures++;   // read a moment ago; partners are never deleted
            tracked.LastFailureAt = now;
            tracked.LastError = cut;
        }, ct);
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(PerimeterJson.Options, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<Refusal>> RefusalsOf(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            using var problem = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            if (!problem.RootElement.TryGetProperty("refused", out var refused) || refused.ValueKind != JsonValueKind.Array)
                return [];
            return [.. refused.EnumerateArray().Select(r => new Refusal(r.GetProperty("messageId").GetGuid(), r.GetProperty("reason").GetString() ?? "refused"))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of {Count} messages to {Partner} failed ({Error}); next try in {Seconds:0.0} s")]
    private partial void LogFailed(string partner, int count, string error, double seconds);
}

using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// Takes a batch from a partner whose certificate is pinned: checks every message first (addressee, signature
/// against the signer's pinned key, agreement, release, the third-party rule), and refuses the whole batch,
/// audited, when any fails; then applies it in one unit of work, each version once and in order.
/// </summary>
public sealed class FederationReceiver(PerimeterDb db, AuditLog audit, AlertWriter writer, RequestForDetailsService requests, FederationIdentity identity, TimeProvider time)
{
    private sealed record Checked(FederationMessage Message, AlertVersionDocument? Version, ReceiptDocument? Receipt, Agreement? Agreement,
        RequestForDetailsDocument? Request = null, ReleaseDocument? Release = null, HitReportDocument? HitReport = null);

    private sealed record ExistingAlert(Guid Id, bool IsPartnerCopy, string Originator);

    /// <summary>
    /// What this node holds of the batch's alerts, read before any check, and which alert holds each originator's
    /// external reference, there or in a message checked before.
    /// </summary>
    private sealed record Known(Dictionary<Guid, ExistingAlert> Alerts, Dictionary<Guid, string> ReceivedFrom,
        Dictionary<(string Originator, string ExternalRef), Guid> ExternalRefs);

    /// <summary>The batch's alerts and copies, tracked in the unit of work that applies it.</summary>
    private sealed record Tracked(Dictionary<Guid, Alert> Alerts, Dictionary<Guid, ReceivedCopy> Received);

    /// <summary>
    /// The alert a payload names and its external reference, read before its signature is checked only to batch the
    /// lookups. Member names match whatever their case, as the serializer that reads the payload later matches them.
    /// </summary>
    private static (Guid? AlertId, string? ExternalRef) Peek(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            var root = json.RootElement;
            Guid? alertId = Member(root, "alertId") is { ValueKind: JsonValueKind.String } id && id.TryGetGuid(out var guid) ? guid : null;
            var reference = Member(root, "content") is { } content && Member(content, "externalRef") is { ValueKind: JsonValueKind.String } text
                ? text.GetString()!.Trim()
                : "";
            return (alertId, reference.Length > 0 ? reference : null);
        }
        // Well-formed JSON may still escape half a UTF-16 pair in a member name, which does not read as a string.
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return (null, null);
        }

        static JsonElement? Member(JsonElement element, string name) => element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Where(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value).FirstOrDefault()
            : null;
    }

    /// <summary>
    /// Applies the batch, or says why not: <c>Malformed</c> names the fields of a batch that cannot be read as one
    /// (no messages or too many, a null message, an id twice); <c>Refusals</c> the messages refused. Either is audited.
    /// </summary>
    public async Task<(BatchResult? Result, IReadOnlyList<Refusal> Refusals, FieldErrors? Malformed)> ReceiveAsync(
        Partner sender, FederationBatch batch, CancellationToken ct)
    {
        var caller = PartnerCaller.Of(sender.Agency, null);
        if (Malformed(batch) is { } malformed)
        {
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.FederationRefused, "batch", null, AuditOutcome.Denied,
                $"malformed-batch: {string.Join(' ', malformed.ToDictionary().Keys)}"), ct);
            return (null, [], malformed);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var partners = await db.Partners.AsNoTracking().ToDictionaryAsync(p => p.Agency, StringComparer.Ordinal, ct);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Partner == sender.Agency).ToListAsync(ct);
        // What the batch touches, read once: a batch of a hundred would otherwise cost a hundred queries a step.
        var peeked = batch.Messages.Select(m => Peek(m.Document.Payload)).ToList();
        var ids = peeked.Select(p => p.AlertId).OfType<Guid>().Distinct().ToList();
        var references = peeked.Select(p => p.ExternalRef).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var known = new Known(
            await db.Alerts.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new ExistingAlert(a.Id, a.IsPartnerCopy, a.Originator)).ToDictionaryAsync(a => a.Id, ct),
            await db.ReceivedCopies.AsNoTracking().Where(c => ids.Contains(c.AlertId)).ToDictionaryAsync(c => c.AlertId, c => c.ReceivedFrom, ct),
            (await db.Alerts.AsNoTracking().Where(a => a.ExternalRef != null && references.Contains(a.ExternalRef)).Select(a => new { a.Id, a.Originator, a.ExternalRef }).ToListAsync(ct))
                .ToDictionary(a => (a.Originator, a.ExternalRef!), a => a.Id));
        var checkedMessages = new List<Checked>();
        var refusals = new List<Refusal>();
        foreach (var message in batch.Messages)
        {
            var (result, reason) = Check(message, sender, partners, agreements, known, today);
            if (reason is not null)
                refusals.Add(new Refusal(message.MessageId, reason));
            else
                checkedMessages.Add(result!);
        }
        if (refusals.Count > 0)
        {
            await db.WriteAsync(async token =>
            {
                foreach (var refusal in refusals)
                    await audit.AppendAsync(caller, new AuditEntry(AuditAction.FederationRefused, "message", [refusal.MessageId], AuditOutcome.Denied, refusal.Reason), token);
            }, ct);
            return (null, refusals, null);
        }

        var results = await db.WriteAsync(async token =>
        {
            var tracked = new Tracked(
                await db.Alerts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, token),
                await db.ReceivedCopies.Where(c => ids.Contains(c.AlertId)).ToDictionaryAsync(c => c.AlertId, token));
            var applied = new List<MessageResult>();
            foreach (var item in checkedMessages)
            {
                if (item.Version is { } version)
                {
                    applied.Add(await ApplyAsync(item, version, sender, caller, tracked, token));
                    continue;
                }
                if (item.Receipt is { } receipt)
                    await RecordReceiptAsync(receipt, item.Message.Document, sender, caller, token);
                else if (item.Request is { } request)
                    await requests.ReceiveRequestAsync(sender, request, caller, token);
                else if (item.Release is { } release)
                    await requests.ReceiveReleaseAsync(sender, release, item.Message.Document, caller, token);
                else if (item.HitReport is { } hit)
                    await RecordHitAsync(hit, caller, token);
                applied.Add(new MessageResult(item.Message.MessageId, MessageOutcome.Applied));
            }
            var peer = await db.Partners.FindAsync([sender.Agency], token);
            peer!.LastContactAt = time.GetUtcNow();   // the sender was found by its pin a moment ago
            return applied;
        }, ct);
        return (new BatchResult(results), refusals, null);
    }

    /// <summary>
    /// The JSON lets a null through where a list holds messages (nullable annotations cover members, not list items),
    /// so it is looked for here, before any message is read.
    /// </summary>
    private static FieldErrors? Malformed(FederationBatch batch)
    {
        var errors = new FieldErrors();
        if (batch.Messages.Count is 0 or > FederationBatch.MaxMessages)
            errors.Add("messages", "OutOfRange");
        for (var i = 0; i < batch.Messages.Count; i++)
        {
            if (batch.Messages[i] is null)
                errors.Add($"messages[{i}]", "NullMessage");
        }
        var ids = batch.Messages.OfType<FederationMessage>().Select(m => m.MessageId).ToList();
        if (ids.Distinct().Count() != ids.Count)
            errors.Add("messages", "DuplicateMessageId");
        return errors.Count > 0 ? errors : null;
    }

    private (Checked? Result, string? Reason) Check(
        FederationMessage message, Partner sender, Dictionary<string, Partner> partners, List<Agreement> agreements, Known known, DateOnly today)
    {
        var document = message.Document;
        if (!string.Equals(message.To, identity.Agency, StringComparison.Ordinal))
            return (null, "wrong-addressee");
        if (document.Payload.Length > SignedDocument.MaxPayloadChars)
            return (null, "payload-too-large");
        if (!partners.TryGetValue(document.Signer, out var signer))
            return (null, "unknown-signer");
        if (!PinnedCertificates.Verifies(signer, document))
            return (null, "bad-signature");
        string type;
        try
        {
            using var json = JsonDocument.Parse(document.Payload);
            type = json.RootElement.GetProperty("type").GetString() ?? "";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, "malformed-payload");
        }
        try
        {
            return type switch
            {
                DocumentType.AlertVersion => CheckVersion(message, PerimeterJson.Deserialize<AlertVersionDocument>(document.Payload), sender, agreements, known, today),
                DocumentType.Receipt => CheckReceipt(message, PerimeterJson.Deserialize<ReceiptDocument>(document.Payload), sender),
                DocumentType.RequestForDetails => FromSender(message, sender, PerimeterJson.Deserialize<RequestForDetailsDocument>(document.Payload) is var request
                    && request.Asker == sender.Agency && request.Originator == identity.Agency, new Checked(message, null, null, null, Request: request)),
                DocumentType.HitReport => FromSender(message, sender, PerimeterJson.Deserialize<HitReportDocument>(document.Payload) is var hit
                    && hit.Reporter == sender.Agency && hit.Originator == identity.Agency, new Checked(message, null, null, null, HitReport: hit)),
                DocumentType.Release => FromSender(message, sender, PerimeterJson.Deserialize<ReleaseDocument>(document.Payload) is var release
                    && release.Originator == sender.Agency && release.Asker == identity.Agency, new Checked(message, null, null, null, Release: release)),
                _ => (null, "unknown-type"),
            };
        }
        catch (JsonException)
        {
            return (null, "malformed-payload");
        }
    }

    private (Checked?, string?) CheckVersion(
        FederationMessage message, AlertVersionDocument version, Partner sender, List<Agreement> agreements, Known known, DateOnly today)
    {
        var me = identity.Agency;
        if (!string.Equals(version.Originator, message.Document.Signer, StringComparison.Ordinal))
            return (null, "signer-not-originator");
        if (string.Equals(version.Originator, me, StringComparison.Ordinal))
            return (null, "own-alert");
        if (version.Version < 1)
            return (null, "malformed-payload");
        var existing = known.Alerts.GetValueOrDefault(version.AlertId);
        if (existing is not null && (!existing.IsPartnerCopy || !string.Equals(existing.Originator, version.Originator, StringComparison.Ordinal)))
            return (null, "id-conflict");
        var forwarded = !string.Equals(version.Originator, sender.Agency, StringComparison.Ordinal);

        if (version.Content is { } content)
        {
            if (content.Validate().Count > 0 || content.Markings.ReviewBy is null)
                return (null, "invalid-content");
            if (!AccessPolicy.IsReleasedTo(content.Markings, me))
                return (null, "not-released");
            // The third-party rule, checked again where the copy arrives: only the originator's consent lets it through.
            if (forwarded && AccessPolicy.MayPassOn(content.Markings, me) is { IsAllowed: false } passOn)
                return (null, MarkingText.Of(passOn.Reason));
            // An originator's reference names one alert (a unique index): a second alert with it would fail the whole write.
            if (content.Normalized().ExternalRef is { } reference)
            {
                if (known.ExternalRefs.TryGetValue((version.Originator, reference), out var holder) && holder != version.AlertId)
                    return (null, "external-ref-conflict");
                known.ExternalRefs[(version.Originator, reference)] = version.AlertId;
            }
            string? refusal = "no-agreement";
            foreach (var agreement in agreements)
            {
                refusal = agreement.Refuses(content.Kind, content.Category, content.Markings.Tlp, content.Markings.Purposes, today);
                if (refusal is null)
                    return (new Checked(message, version, null, agreement), null);
            }
            return (null, refusal);
        }

        // A status change only: it must concern a copy this sender gave us, under an agreement still in force.
        if (existing is null)
            return (null, "no-such-copy");
        if (forwarded && known.ReceivedFrom.GetValueOrDefault(version.AlertId) != sender.Agency)
            return (null, MarkingText.Of(AccessReason.ThirdPartyRule));
        var inForce = agreements.FirstOrDefault(a => a.Mode == AgreementMode.Replicate && a.IsInForce(today));
        return inForce is null ? (null, agreements.Count == 0 ? "no-agreement" : "agreement-not-in-force") : (new Checked(message, version, null, inForce), null);
    }

    /// <summary>Requests and releases speak for the node that sends them: never passed on.</summary>
    private static (Checked?, string?) FromSender(FederationMessage message, Partner sender, bool addressed, Checked result) =>
        !string.Equals(message.Document.Signer, sender.Agency, StringComparison.Ordinal) ? (null, "signer-not-sender")
        : addressed ? (result, null) : (null, "wrong-addressee");

    private (Checked?, string?) CheckReceipt(FederationMessage message, ReceiptDocument receipt, Partner sender)
    {
        // Receipts speak for their holder only: they are never passed on.
        if (!string.Equals(message.Document.Signer, sender.Agency, StringComparison.Ordinal) || !string.Equals(receipt.Holder, sender.Agency, StringComparison.Ordinal))
            return (null, "signer-not-sender");
        return string.Equals(receipt.Originator, identity.Agency, StringComparison.Ordinal) ? (new Checked(message, null, receipt, null), null) : (null, "wrong-addressee");
    }

    private async Task<MessageResult> ApplyAsync(Checked item, AlertVersionDocument version, Partner sender, Access.Caller caller, Tracked tracked, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var held = tracked.Received.GetValueOrDefault(version.AlertId);
        var heldVersion = held?.Version ?? 0;
        // Neither is applied, but both are traces an operator needs: a sender that resends what was acknowledged, or skips.
        if (version.Version <= heldVersion)
        {
            var copy = tracked.Alerts.GetValueOrDefault(version.AlertId);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.FederationDuplicate, "alert", [version.AlertId],
                Detail: $"originator={version.Originator} version={version.Version} held={heldVersion} message={item.Message.MessageId}"), ct);
            return new MessageResult(item.Message.MessageId, MessageOutcome.Duplicate,
                Receipt(version, heldVersion, "duplicate", copy is null ? "purged" : HeldStatus.Of(copy.Status, false), item.Message.MessageId));
        }
        if (item.Message.PreviousVersion > heldVersion)
        {
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.FederationOutOfOrder, "alert", [version.AlertId],
                Detail: $"originator={version.Originator} version={version.Version} after={item.Message.PreviousVersion} held={heldVersion} message={item.Message.MessageId}"), ct);
            return new MessageResult(item.Message.MessageId, MessageOutcome.OutOfOrder);
        }

        var agreement = item.Agreement!;   // CheckVersionAsync sets it for every version it lets through
        var content = version.Content is { } full
            ? full with { Markings = full.Markings with { Purposes = full.Markings.Purposes & agreement.Purposes } }
            : null;
        var status = version.Recalled ? AlertStatus.Purged : version.Status;
        tracked.Alerts[version.AlertId] = await writer.ApplyPartnerVersionAsync(
            new PartnerVersion(version.AlertId, version.Originator, version.Version, version.Change, status, content), tracked.Alerts.GetValueOrDefault(version.AlertId), caller, ct);
        if (held is null)
        {
            held = new ReceivedCopy
            {
                AlertId = version.AlertId,
                Originator = version.Originator,
                ReceivedFrom = sender.Agency,
                Payload = "",
                Signature = "",
            };
            db.ReceivedCopies.Add(held);
            tracked.Received[version.AlertId] = held;
        }
        held.Version = version.Version;
        held.ReceivedFrom = sender.Agency;
        held.ReceivedAt = now;
        held.RetainUntil = now.AddDays(agreement.RetentionDays);
        // The latest signed document, as received: what this node can prove, and what it may pass on.
        held.Payload = item.Message.Document.Payload;
        held.Signature = item.Message.Document.Signature;
        await audit.AppendAsync(caller, new AuditEntry(AuditAction.FederationReceived, "alert", [version.AlertId],
            Detail: $"originator={version.Originator} version={version.Version} change={MarkingText.Of(version.Change)} message={item.Message.MessageId}"), ct);
        return new MessageResult(item.Message.MessageId, MessageOutcome.Applied,
            Receipt(version, version.Version, "applied", HeldStatus.Of(status, version.Recalled), item.Message.MessageId));
    }

    /// <summary>A partner's confirmed hit on one of this node's alerts: a notification for its analysts, and the audit trail.</summary>
    private async Task RecordHitAsync(HitReportDocument hit, Access.Caller caller, CancellationToken ct)
    {
        var ours = await db.Alerts.AsNoTracking().AnyAsync(a => a.Id == hit.AlertId && a.Originator == identity.Agency && !a.IsPartnerCopy, ct);
        if (ours)
        {
            db.Notifications.Add(new Retention.Notification
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                Agency = identity.Agency,
                Kind = Retention.NotificationKind.HitReported,
                AlertId = hit.AlertId,
                DueOn = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
                CreatedAt = time.GetUtcNow(),
            });
        }
        await audit.AppendAsync(caller, new AuditEntry(AuditAction.HitReported, "alert", [hit.AlertId], ours ? AuditOutcome.Allowed : AuditOutcome.Denied,
            ours ? $"confirmed by {hit.Reporter} at {hit.ConfirmedAt:u} on version {hit.AlertVersion}" : "not an alert of this node"), ct);
    }

    private async Task RecordReceiptAsync(ReceiptDocument receipt, SignedDocument signed, Partner sender, Access.Caller caller, CancellationToken ct)
    {
        await PartnerCopies.RecordAsync(db, sender.Agency, receipt, signed, ct);
        await audit.AppendAsync(caller, new AuditEntry(AuditAction.ReceiptReceived, "alert", [receipt.AlertId],
            Detail: $"holder={receipt.Holder} version={receipt.Version} outcome={receipt.Outcome} held={receipt.HeldStatus}"), ct);
    }

    private SignedDocument Receipt(AlertVersionDocument version, int heldVersion, string outcome, string heldStatus, Guid messageId) =>
        identity.Sign(new ReceiptDocument
        {
            Holder = identity.Agency,
            Originator = version.Originator,
            AlertId = version.AlertId,
            Version = heldVersion,
            Outcome = outcome,
            HeldStatus = heldStatus,
            MessageId = messageId,
            SignedAt = time.GetUtcNow(),
        });
}

/// <summary>What partners hold, from their receipts.</summary>
internal static class PartnerCopies
{
    public static async Task RecordAsync(PerimeterDb db, string partner, ReceiptDocument receipt, SignedDocument signed, CancellationToken ct)
    {
        var copy = await db.PartnerCopies.FindAsync([partner, receipt.AlertId], ct);
        if (copy is null)
        {
            copy = new PartnerCopy { Partner = partner, AlertId = receipt.AlertId, QueuedVersion = receipt.Version };
            db.PartnerCopies.Add(copy);
        }
        // Receipts may arrive out of order; a purge is final whatever its version says.
        if (receipt.Version < copy.HeldVersion && receipt.HeldStatus != "purged")
            return;
        copy.HeldVersion = receipt.Version;
        copy.HeldStatus = receipt.HeldStatus;
        copy.ReceiptPayload = signed.Payload;
        copy.ReceiptSignature = signed.Signature;
        copy.AckedAt = receipt.SignedAt;
    }
}

/// <summary>A partner node as the audit log and the alert writer see it.</summary>
internal static class PartnerCaller
{
    public static Access.Caller Of(string agency, string? remoteAddress) => new()
    {
        Kind = ActorKind.Partner,
        ActorId = $"partner:{agency}",
        Agency = agency,
        RemoteAddress = remoteAddress,
    };

    /// <summary>A partner asking a hit/no-hit query or for the details behind a hit: the policy sees it as one of its officers, for the purpose it names.</summary>
    public static Access.Caller Asking(string agency, Purposes purpose, string? remoteAddress = null) =>
        Of(agency, remoteAddress) with { Roles = new HashSet<Role> { Role.Officer }, Purpose = purpose };
}

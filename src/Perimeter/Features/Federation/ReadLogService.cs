using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// "Who read my alert, abroad": a holder answers an originator with the reads of its copies, signed; the
/// originator asks through its own API and checks the signature against the holder's pinned key.
/// </summary>
public sealed class ReadLogService(PerimeterDb db, AuditLog audit, FederationIdentity identity, PartnerClients clients, TimeProvider time)
{
    public const string ReadLogPath = "federation/v1/read-log";
    /// <summary>
    /// Entries in one answer: a few hundred bytes each, so that the signed answer stays well within what a partner
    /// accepts (<see cref="SignedDocument.MaxPayloadChars"/>); the rest follow, asked for from <see cref="ReadLogDocument.Next"/>.
    /// </summary>
    public const int MaxEntries = 500;
    private static readonly AuditAction[] Reads = [AuditAction.Read, AuditAction.Search, AuditAction.Screen];

    /// <summary>The holder's side: reads of <paramref name="requester"/>'s copies here, under an agreement in force.</summary>
    public async Task<SignedDocument?> ServeAsync(Partner requester, ReadLogRequest request, CancellationToken ct)
    {
        var caller = PartnerCaller.Of(requester.Agency, null);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreed = await db.Agreements.AsNoTracking().Where(a => a.Partner == requester.Agency).ToListAsync(ct);
        if (!agreed.Any(a => a.IsInForce(today)))
        {
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.ReadLogServed, "partner", [requester.Agency], AuditOutcome.Denied, "no agreement in force"), ct);
            return null;
        }
        var copies = (await db.Alerts.AsNoTracking().Where(a => a.IsPartnerCopy && a.Originator == requester.Agency)
            .Select(a => a.Id).ToListAsync(ct)).Select(id => id.ToString("D")).ToHashSet(StringComparer.Ordinal);
        var since = request.Since ?? DateTimeOffset.MinValue;
        var after = request.After ?? long.MinValue;
        var entries = new List<ReadLogEntry>();
        long? next = null;
        if (copies.Count > 0)
        {
            // Read records stream by in order and only those naming a copy are kept, until an answer is full: memory
            // holds one answer, however long the log.
            var records = db.AuditRecords.AsNoTracking()
                .Where(r => Reads.Contains(r.Action) && r.Outcome == AuditOutcome.Allowed && r.TargetIds != null && r.At >= since
                    && r.ActorKind != ActorKind.Partner && r.Sequence > after)
                .OrderBy(r => r.Sequence).AsAsyncEnumerable();
            long last = after;
            await foreach (var record in records.WithCancellation(ct))
            {
                if (entries.Count >= MaxEntries)
                {
                    next = last;
                    break;
                }
                foreach (var id in record.TargetIds!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(copies.Contains))
                    entries.Add(new ReadLogEntry(Guid.Parse(id), record.At, record.ActorId, record.Agency, record.Roles, record.Purpose, MarkingText.Of(record.Action)));
                last = record.Sequence;
            }
        }
        var document = identity.Sign(new ReadLogDocument
        {
            Holder = identity.Agency, Originator = requester.Agency, Entries = entries, Next = next, SignedAt = time.GetUtcNow(),
        });
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.ReadLogServed, "partner", [requester.Agency], Detail: $"{entries.Count} reads"), ct);
        return document;
    }

    /// <summary>
    /// The originator's side: asks a partner for the reads from the start, or after <paramref name="after"/> (the
    /// <see cref="ReadLogView.Next"/> of the answer before), and checks the signature before showing anything.
    /// </summary>
    public async Task<ReadLogView?> RequestAsync(string partnerAgency, long? after, Caller caller, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Agency == partnerAgency, ct);
        if (partner is null)
            return null;
        string? failure = null;
        ReadLogView? view = null;
        try
        {
            using var response = await clients.For(partner).PostAsJsonAsync(ReadLogPath, new ReadLogRequest(After: after), PerimeterJson.Options, ct);
            if (!response.IsSuccessStatusCode)
                failure = $"answered {(int)response.StatusCode}";
            else if (await response.Content.ReadFromJsonAsync<SignedDocument>(PerimeterJson.Options, ct) is not { } signed || !PinnedCertificates.Verifies(partner, signed))
                failure = "not signed by the partner's pinned key";
            else if (PerimeterJson.Deserialize<ReadLogDocument>(signed.Payload) is var log && log.Originator != identity.Agency)
                failure = "not addressed to this node";
            else
                view = new ReadLogView(partner.Agency, log.Entries, signed, Next: log.Next);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException { CancellationToken.IsCancellationRequested: false } or System.Text.Json.JsonException)
        {
            failure = $"unreachable: {e.Message}";
        }
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.ReadLogRequested, "partner", [partner.Agency],
            failure is null ? AuditOutcome.Allowed : AuditOutcome.Failed, failure ?? $"{view!.Entries.Count} reads"), ct);
        return view ?? new ReadLogView(partner.Agency, [], null, failure);
    }
}

/// <summary>A partner's signed answer; when <see cref="Next"/> is set, more reads follow: ask again with it.</summary>
public sealed record ReadLogView(string Holder, IReadOnlyList<ReadLogEntry> Entries, SignedDocument? Document, string? Failure = null, long? Next = null);

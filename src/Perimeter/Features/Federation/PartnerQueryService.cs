using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Federation;

/// <summary>
/// Hit/no-hit queries (Prüm style) under <c>query</c> agreements. The asking node asks every such partner at
/// once and waits for each no longer than <see cref="FederationOptions.QueryTimeoutMilliseconds"/>; a partner that
/// has not answered by then is reported as <c>no-answer</c>. The local screening is a separate call and never waits.
/// </summary>
public sealed class PartnerQueryService(
    PerimeterDb db, AuditLog audit, FederationIdentity identity, PartnerClients clients, ScreeningService screening,
    AccessPolicy policy, IOptions<NodeOptions> options, TimeProvider time)
{
    public const string QueriesPath = "federation/v1/queries";

    public async Task<PartnerQueryResult> AskAsync(ScreenRequest subject, Caller caller, CancellationToken ct)
    {
        // Partners are asked in this node's name, under its agreements: only this agency's own users may ask them.
        if (!string.Equals(caller.Agency, identity.Agency, StringComparison.Ordinal))
        {
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.PartnerQuery, "partner", null, AuditOutcome.Denied, "other-agency"), ct);
            return new PartnerQueryResult(Guid.CreateVersion7(time.GetUtcNow()), []);
        }
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreed = (await db.Agreements.AsNoTracking().ToListAsync(ct))
            .Where(a => a.RefusesQuery(caller.Purpose, today) is null).Select(a => a.Partner).ToHashSet(StringComparer.Ordinal);
        var partners = await db.Partners.AsNoTracking().Where(p => agreed.Contains(p.Agency)).OrderBy(p => p.Agency).ToListAsync(ct);
        var queryId = Guid.CreateVersion7(time.GetUtcNow());
        var request = new PartnerQueryRequest(queryId, caller.Purpose, subject);
        var answers = identity.Current is null ? [] : await Task.WhenAll(partners.Select(p => AskOneAsync(p, request, ct)));
        // A signed answer is an exchange that worked, as a delivery is: it counts as contact in the partner's status.
        var answered = answers.Where(a => a.Document is not null).Select(a => a.Partner).ToList();
        var now = time.GetUtcNow();
        await db.WriteAsync(async token =>
        {
            foreach (var partner in await db.Partners.Where(p => answered.Contains(p.Agency)).ToListAsync(token))
                partner.LastContactAt = now;
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.PartnerQuery, "partner", partners.Select(p => (object)p.Agency),
                Detail: $"query={queryId} {subject.Describe()} " + string.Join(' ', answers.Select(a => $"{a.Partner}={a.Outcome}"))), token);
        }, ct);
        return new PartnerQueryResult(queryId, answers);
    }

    private async Task<PartnerAnswer> AskOneAsync(Partner partner, PartnerQueryRequest request, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromMilliseconds(options.Value.Federation.QueryTimeoutMilliseconds));
        try
        {
            using var response = await clients.For(partner).PostAsJsonAsync(QueriesPath, request, PerimeterJson.Options, deadline.Token);
            if (response.StatusCode == HttpStatusCode.Forbidden)
                return new PartnerAnswer(partner.Agency, "refused");
            if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<SignedDocument>(PerimeterJson.Options, deadline.Token) is not { } signed
                || !PinnedCertificates.Verifies(partner, signed))
                return new PartnerAnswer(partner.Agency, "failed");
            var answer = PerimeterJson.Deserialize<HitAnswerDocument>(signed.Payload);
            if (answer.QueryId != request.QueryId || answer.Asker != identity.Agency || answer.Holder != partner.Agency)
                return new PartnerAnswer(partner.Agency, "failed");
            return new PartnerAnswer(partner.Agency, answer.Hit ? "hit" : "no-hit", answer.Band, answer.Reference, signed);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new PartnerAnswer(partner.Agency, "no-answer");
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or IOException)
        {
            return new PartnerAnswer(partner.Agency, "failed");
        }
    }

    /// <summary>The originator's side: screens its own alerts the query agreement covers, and answers with no personal data.</summary>
    public async Task<(SignedDocument? Answer, string? Refusal)> AnswerAsync(Partner asker, PartnerQueryRequest request, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Partner == asker.Agency).ToListAsync(ct);
        var agreement = agreements.FirstOrDefault(a => a.RefusesQuery(request.Purpose, today) is null);
        var caller = PartnerCaller.Asking(asker.Agency, request.Purpose);
        if (agreement is null)
        {
            var reason = agreements.Select(a => a.RefusesQuery(request.Purpose, today)).FirstOrDefault() ?? "no-agreement";
            await audit.RecordAsync(caller, new AuditEntry(AuditAction.PartnerQueryAnswered, "partner", [asker.Agency], AuditOutcome.Denied, reason), ct);
            return (null, reason);
        }
        var response = await screening.ScreenAsync(request.Subject with { Top = 1 }, caller, ct,
            alert => policy.MayAnswerHitNoHit(caller, alert) && agreement.Covers(alert.Kind, alert.Category, alert.Tlp));
        var best = response.Candidates.Count > 0 ? response.Candidates[0] : null;
        var now = time.GetUtcNow();
        var hit = best is null ? null : new PartnerHit
        {
            Reference = Guid.NewGuid(),
            Asker = asker.Agency,
            AlertId = best.AlertId,
            Purpose = request.Purpose,
            Band = MarkingText.Of(best.Band),
            At = now,
        };
        await db.WriteAsync(async token =>
        {
            if (hit is not null)
                db.PartnerHits.Add(hit);
            // Answering is an exchange that worked, as asking is on the other side: it counts as contact with the asker.
            await db.Partners.Where(p => p.Agency == asker.Agency).ExecuteUpdateAsync(p => p.SetProperty(x => x.LastContactAt, now), token);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.PartnerQueryAnswered, "alert", hit is null ? null : [hit.AlertId],
                Detail: $"query={request.QueryId} " + (hit is null ? "no-hit" : $"hit band={hit.Band} reference={hit.Reference}")), token);
        }, ct);
        return (identity.Sign(new HitAnswerDocument
        {
            Holder = identity.Agency,
            Asker = asker.Agency,
            QueryId = request.QueryId,
            Hit = hit is not null,
            Band = hit?.Band,
            Reference = hit?.Reference,
            SignedAt = now,
        }), null);
    }
}

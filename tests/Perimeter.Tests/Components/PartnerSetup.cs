using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Federation;
using Perimeter.Features.Screening;
using Perimeter.Storage;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Components;

/// <summary>
/// The console fixture runs one node; these give it what federation would: its own identity, a pinned partner
/// (gt.igm, whose node is not running), a query agreement, and a partner's request for details received through
/// the same services the federation receiver calls.
/// </summary>
internal static class PartnerSetup
{
    public const string Partner = "gt.igm";
    // Nothing listens there: deliveries to the partner fail and stay queued, as with a partner that is down.
    public const string PartnerUrl = "https://127.0.0.1:9";

    /// <summary>The node's key pair and the pinned partner, made once per fixture.</summary>
    public static async Task EnsurePartnerAsync(TestNode node, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<NodeOptions>>().Value;
        if (!NodeIdentity.Exists(options.DataDirectory))
            NodeIdentity.Create(options.DataDirectory, options.Agency, options.Federation.KeyPassphrase, DateTimeOffset.UtcNow);
        var db = services.GetRequiredService<PerimeterDb>();
        if (await db.Partners.AnyAsync(p => p.Agency == Partner, ct))
            return;
        var folder = Directory.CreateTempSubdirectory("perimeter-partner-").FullName;
        try
        {
            var partner = NodeIdentity.Create(folder, Partner, null, DateTimeOffset.UtcNow);
            var (added, errors) = await services.GetRequiredService<PartnerService>().AddAsync(
                new NewPartner(Partner, PartnerUrl, partner.Certificate.ExportCertificatePem(), "Instituto Guatemalteco de Migración"),
                Caller.Operator(options.Agency), ct);
            Assert.True(added is not null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(' ', e.Value)}")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The partner screened <paramref name="alert"/>'s subject under a query agreement, got a hit, and asked for
    /// the details: returns the request's id, pending at this node.
    /// </summary>
    public static async Task<Guid> ReceiveRequestAsync(TestNode node, AlertContent alert, string justification, CancellationToken ct)
    {
        await EnsurePartnerAsync(node, ct);
        // Released to the partner too: a hit confirms that a record exists, so only an alert the asker may see answers it.
        var published = await node.PublishAsync(alert.WithMarkings(m => m with { ReleasableTo = [.. m.ReleasableTo, Partner] }), ct);
        await using var scope = node.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PerimeterDb>();
        var purpose = alert.Markings.Purposes;
        var today = DateOnly.FromDateTime(node.Time.GetUtcNow().UtcDateTime);
        var agreements = await db.Agreements.AsNoTracking().Where(a => a.Partner == Partner).ToListAsync(ct);
        if (!agreements.Any(a => a.RefusesQuery(purpose, today) is null))
        {
            var (agreement, _) = await services.GetRequiredService<AgreementService>().AddAsync(new NewAgreement
            {
                Partner = Partner, Mode = AgreementMode.Query, Kinds = ["*"], Categories = ["*"], Purposes = purpose, HighestTlp = Tlp.AmberStrict,
            }, Caller.Operator(TestNode.Agency), ct);
            Assert.NotNull(agreement);
        }
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Agency == Partner, ct);
        var name = alert.Subject!.Person!.Names[0];
        var (answer, refusal) = await services.GetRequiredService<PartnerQueryService>().AnswerAsync(partner,
            new PartnerQueryRequest(Guid.NewGuid(), purpose, new ScreenRequest { Kind = AlertKind.Person, Name = $"{name.GivenNames} {name.Surnames}" }), ct);
        Assert.Null(refusal);
        var hit = PerimeterJson.Deserialize<HitAnswerDocument>(answer!.Payload);
        Assert.True(hit.Hit, $"the partner's query found no hit on {published.DisplayName}");
        var requestId = Guid.NewGuid();
        var requests = services.GetRequiredService<RequestForDetailsService>();
        await db.WriteAsync(token => requests.ReceiveRequestAsync(partner, new RequestForDetailsDocument
        {
            Asker = Partner,
            Originator = TestNode.Agency,
            RequestId = requestId,
            Reference = hit.Reference!.Value,
            Purpose = purpose,
            Justification = justification,
            Urgency = Urgency.Urgent,
            RequestedBy = "igm.analyst",
            SignedAt = node.Time.GetUtcNow(),
        }, PartnerCaller.Of(Partner, null), token), ct);
        Assert.NotNull(await requests.FindAsync(requestId, Caller.System(TestNode.Agency), ct));
        return requestId;
    }
}

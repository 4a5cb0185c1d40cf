using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Matching.Evidence;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary>Only alerts the access policy lets the caller see are ever candidates, however exactly they match.</summary>
public sealed class ScreeningVisibilityTests
{
    private static readonly PartialDate Born = new(1957, 4, 4);

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_alert_the_caller_may_not_see_is_never_a_candidate_even_for_the_exact_name(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var node = await TestNode.StartAsync(database, ct);
        var today = DateOnly.FromDateTime(node.Time.GetUtcNow().UtcDateTime);
        var released = await node.PublishAsync(AnAlert.Person(), ct);
        var notReleasedToPartner = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReleasableTo = ["gt.pnc"] }), ct);
        var red = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { Tlp = Tlp.Red }), ct);
        var otherPurpose = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { Purposes = Purposes.Migration }), ct);
        var strictToCountry = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { Tlp = Tlp.AmberStrict, ReleasableTo = ["MX"] }), ct);
        var clear = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { Tlp = Tlp.Clear, ReleasableTo = ["*"] }), ct);
        var retracted = await node.PublishAsync(AnAlert.Person(), ct);
        var expired = await node.PublishAsync(AnAlert.Person().WithMarkings(m => m with { ReviewBy = today.AddDays(1) }), ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        await analyst.RetractAsync(retracted, ct);
        node.Time.Advance(TimeSpan.FromDays(1));
        await node.RunRetentionAsync(ct);
        using var partner = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        using var partnerForMigration = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.Migration);
        using var stranger = await node.ClientAsync("gt.pnc", Role.Officer, ct, Purposes.CounterNarcotics);
        using var own = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.CounterNarcotics);
        using var ownForMigration = await node.ClientAsync(TestNode.Agency, Role.Officer, ct, Purposes.Migration);
        var query = Screenings.Person("Joaquín Guzmán Loera", Born) with { Top = 50 };
        var screenedBefore = (await node.AuditAsync(AuditAction.Screen, null, ct)).Count;

        var seenByPartner = await partner.CandidatesAsync(query, ct);
        var seenByPartnerForMigration = await partnerForMigration.CandidatesAsync(query, ct);
        var seenByStranger = await stranger.CandidatesAsync(query, ct);
        var seenByOwn = await own.CandidatesAsync(query, ct);
        var seenByOwnForMigration = await ownForMigration.CandidatesAsync(query, ct);

        Assert.Equal(new[] { released.Id, clear.Id }.Order(), seenByPartner.Order());
        Assert.Equal([otherPurpose.Id], seenByPartnerForMigration);
        Assert.Equal(new[] { notReleasedToPartner.Id, clear.Id }.Order(), seenByStranger.Order());
        Assert.Equal(new[] { released.Id, notReleasedToPartner.Id, red.Id, strictToCountry.Id, clear.Id }.Order(), seenByOwn.Order());
        Assert.Equal([otherPurpose.Id], seenByOwnForMigration);
        var audited = (await node.AuditAsync(AuditAction.Screen, null, ct)).Skip(screenedBefore).ToList();
        Assert.Equal(5, audited.Count);
        IReadOnlyList<Guid>[] returned = [seenByPartner, seenByPartnerForMigration, seenByStranger, seenByOwn, seenByOwnForMigration];
        foreach (var (record, ids) in audited.Zip(returned))
            Assert.Equal(ids.Order(), IdsOf(record).Order());
        Assert.Equal(["mx.inm", "mx.inm", "gt.pnc", TestNode.Agency, TestNode.Agency], audited.Select(r => r.Agency));
        Assert.DoesNotContain(audited.Take(2).SelectMany(IdsOf), id => id == notReleasedToPartner.Id);
        Assert.DoesNotContain(audited.Take(3).SelectMany(IdsOf), id => id == red.Id || id == strictToCountry.Id);
        Assert.DoesNotContain(audited.SelectMany(IdsOf), id => id == retracted.Id || id == expired.Id);
    }

    private static IEnumerable<Guid> IdsOf(AuditRecord record) =>
        (record.TargetIds ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse);
}

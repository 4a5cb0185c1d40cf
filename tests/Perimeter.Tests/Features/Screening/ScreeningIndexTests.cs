using Perimeter.Features.Access;
using Perimeter.Matching.Evidence;
using Perimeter.Matching.Screening;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Screening;

/// <summary>The screening index follows the alert change feed: what is published, changed or retracted is screened so at once, on every replica.</summary>
public sealed class ScreeningIndexTests(NodePerDatabase nodes) : IClassFixture<NodePerDatabase>
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_alert_published_renamed_and_retracted_is_screened_accordingly_at_once(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await nodes.StartedAsync(database, ct);
        using var analyst = await node.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var officer = await node.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var oldName = Screenings.Person("Rafael Caro Quintero", new PartialDate(1952, 10, 3));
        var newName = Screenings.Person("Ernesto Fonseca Carrillo", new PartialDate(1952, 10, 3));
        var content = AnAlert.Person().Named("Rafael", "Caro Quintero", new PartialDate(1952, 10, 3));
        Assert.Empty(await officer.CandidatesAsync(oldName, ct));

        var alert = await node.PublishAsync(content, ct);
        var afterPublish = await officer.ScreenAsync(oldName, ct);
        var renamed = await analyst.UpdateAsync(alert, content.Named("Ernesto", "Fonseca Carrillo"), ct);
        var oldAfterRename = await officer.ScreenAsync(oldName, ct);
        var newAfterRename = await officer.ScreenAsync(newName, ct);
        await analyst.RetractAsync(renamed, ct);
        var afterRetract = await officer.ScreenAsync(newName, ct);

        Assert.Equal(Band.Strong, afterPublish.For(alert)?.Band);
        Assert.True(oldAfterRename.For(alert) is null or { Band: < Band.Strong }, $"the old name still matches: {oldAfterRename.For(alert)?.Explanation}");
        Assert.Equal(Band.Strong, newAfterRename.For(alert)?.Band);
        Assert.Contains("fonseca=fonseca (exact)", newAfterRename.For(alert)!.Explanation, StringComparison.Ordinal);
        Assert.Null(afterRetract.For(alert));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task What_one_replica_publishes_changes_or_retracts_the_other_screens_at_once(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var a = await TestNode.StartAsync(database, ct);
        await using var b = await TestNode.StartAsync(database, ct, shared: a.Database);
        using var analystOnA = await a.ClientAsync(TestNode.Agency, Role.Analyst, ct, Purposes.CounterNarcotics);
        using var officerOnB = await b.ClientAsync("mx.inm", Role.Officer, ct, Purposes.CounterNarcotics);
        var query = Screenings.Person("Vicente Carrillo Fuentes", new PartialDate(1962, 10, 16));
        var content = AnAlert.Person().Named("Vicente", "Carrillo Fuentes", new PartialDate(1962, 10, 16));
        // B's index is loaded before anything is published, so what follows reaches it as changes, not as a first load.
        Assert.Empty(await officerOnB.CandidatesAsync(query, ct));

        var alert = await a.PublishAsync(content, ct);
        var afterPublish = await officerOnB.ScreenAsync(query, ct);
        var moved = await analystOnA.UpdateAsync(alert, content.Named("Vicente", "Carrillo Fuentes", new PartialDate(1963, 10, 16)), ct);
        var afterUpdate = await officerOnB.ScreenAsync(query, ct);
        await analystOnA.RetractAsync(moved, ct);
        var afterRetract = await officerOnB.ScreenAsync(query, ct);

        Assert.Equal(Band.Strong, afterPublish.For(alert)?.Band);
        Assert.Contains(afterPublish.For(alert)!.Features, f => (f.Feature, f.Outcome) == ("dob", "exact"));
        Assert.Contains(afterUpdate.For(alert)!.Features, f => (f.Feature, f.Outcome) == ("dob", "a year apart"));
        Assert.Null(afterRetract.For(alert));
    }
}

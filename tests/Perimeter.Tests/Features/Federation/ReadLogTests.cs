using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Features.Federation;
using Perimeter.Storage;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Federation;

/// <summary>"Who read my alert, abroad" when a holder has read a copy many times.</summary>
public sealed class ReadLogTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_read_log_longer_than_one_answer_comes_in_signed_pages_that_together_hold_every_read_of_the_copy(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var us = await FederationNode.StartAsync("us.cbp", database, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", database, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is not null, "the copy", ct);
        var own = await mx.Running.PublishAsync(AnAlert.Person(), ct);
        // More reads of the copy than two answers hold, with reads of mx.inm's own alert between them.
        const int reads = 2 * ReadLogService.MaxEntries + 50;
        await RecordReadsAsync(mx, Enumerable.Range(0, reads).SelectMany(i => i % 20 == 0 ? new[] { own.Id, alert.Id } : [alert.Id]), ct);
        using var supervisor = await us.Running.ClientAsync(us.Agency, Role.Supervisor, ct);

        var pages = new List<ReadLogView>();
        long? after = null;
        do
        {
            var page = await supervisor.GetFromJsonAsync<ReadLogView>(
                $"/api/v1/partners/mx.inm/read-log{(after is { } place ? $"?after={place}" : "")}", PerimeterJson.Options, ct);
            pages.Add(page!);
            after = page!.Next;
        }
        while (after is not null && pages.Count < 10);

        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.InRange(page.Entries.Count, 1, ReadLogService.MaxEntries));
        Assert.All(pages, page => Assert.InRange(page.Document!.Payload.Length, 1, SignedDocument.MaxPayloadChars));
        var entries = pages.SelectMany(page => page.Entries).ToList();
        Assert.Equal(reads, entries.Count);
        Assert.All(entries, entry => Assert.Equal(alert.Id, entry.AlertId));
    }

    private static async Task RecordReadsAsync(FederationNode node, IEnumerable<Guid> reads, CancellationToken ct)
    {
        var officer = Caller.Operator(node.Agency) with { Roles = new HashSet<Role> { Role.Officer }, Purpose = Purposes.CounterNarcotics };
        // A few hundred a unit of work: the audit log looks for its head among the records the unit has added.
        foreach (var chunk in reads.Chunk(500))
        {
            await using var scope = node.Running.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PerimeterDb>();
            var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
            await db.WriteAsync(async token =>
            {
                foreach (var id in chunk)
                    await audit.AppendAsync(officer, new AuditEntry(AuditAction.Read, "alert", [id]), token);
            }, ct);
        }
    }
}

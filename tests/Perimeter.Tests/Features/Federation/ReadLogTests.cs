using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
    private const int Cap = 10_000;

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_holder_takes_no_more_reads_from_its_database_than_the_read_log_holds(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        // Listening from the start: EF Core decides for a while whether anyone listens, per context and then once a second.
        using var rows = new RowsRead();
        await using var us = await FederationNode.StartAsync("us.cbp", database, ct);
        await using var mx = await FederationNode.StartAsync("mx.inm", database, ct);
        await FederationNode.JoinAsync(us, mx, ct);
        var alert = await us.Running.PublishAsync(AnAlert.Person(), ct);
        await FederationNode.EventuallyAsync(async () => await mx.CopyAsync(alert.Id) is not null, "the copy", ct);
        var own = await mx.Running.PublishAsync(AnAlert.Person(), ct);
        // More reads of the copy than the log holds, with reads of mx.inm's own alert between them.
        await RecordReadsAsync(mx, Enumerable.Range(0, Cap + 50).SelectMany(i => i % 20 == 0 ? new[] { own.Id, alert.Id } : [alert.Id]), ct);

        var requester = await mx.QueryAsync(db => db.Partners.AsNoTracking().SingleAsync(p => p.Agency == "us.cbp", ct));
        await using var scope = mx.Running.Services.CreateAsyncScope();
        rows.Watch();
        var signed = await scope.ServiceProvider.GetRequiredService<ReadLogService>().ServeAsync(requester, new ReadLogRequest(), ct);

        var log = PerimeterJson.Deserialize<ReadLogDocument>(signed!.Payload);
        Assert.Equal(Cap, log.Entries.Count);
        Assert.All(log.Entries, e => Assert.Equal(alert.Id, e.AlertId));
        // A reader's count includes the last call, the one that finds no row left.
        Assert.InRange(rows.MostReadsInOneQuery, Cap, Cap + 1);
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

    /// <summary>The most reads (rows, and the last call that finds none) one EF Core query made on this test's async flow, from EF Core's diagnostic events.</summary>
    private sealed class RowsRead : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<RowsRead?> Current = new();
        private readonly List<IDisposable> _subscriptions = [];
        private readonly IDisposable _listeners;
        private int _most;

        public RowsRead() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

        /// <summary>Counts the queries made from here on, on the caller's async flow.</summary>
        public void Watch() => Current.Value = this;

        public int MostReadsInOneQuery => Volatile.Read(ref _most);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                    _subscriptions.Add(listener.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> diagnostic)
        {
            // Other tests' nodes run in this process too: only queries made on this flow count.
            if (Current.Value == this && diagnostic.Value is DataReaderDisposingEventData read)
                InterlockedMax(read.ReadCount);
        }

        private void InterlockedMax(int count)
        {
            int seen;
            while (count > (seen = Volatile.Read(ref _most)) && Interlocked.CompareExchange(ref _most, count, seen) != seen)
            {
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _listeners.Dispose();
            lock (_subscriptions)
                _subscriptions.ForEach(s => s.Dispose());
            Current.Value = null;
        }
    }
}

using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Perimeter.Storage;

public sealed class SqlitePerimeterDb(DbContextOptions<SqlitePerimeterDb> options) : PerimeterDb(options)
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    /// <summary>One writer at a time per database file in this process, whatever the context.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteTurns = new(StringComparer.Ordinal);

    // SQLite transactions begin IMMEDIATE, which takes the database's single write lock: that is the chain lock.
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Writers of one process queue here rather than at SQLite's lock: Microsoft.Data.Sqlite meets a locked file by
    /// sleeping 150 ms before it tries again, which at a few hundred screenings a second (each audited) became the
    /// tail of every answer. Other processes on the same file still take turns at SQLite's lock.
    /// </summary>
    protected override async ValueTask<IDisposable?> WaitForWriteTurnAsync(CancellationToken ct)
    {
        var turn = WriteTurns.GetOrAdd(Database.GetDbConnection().DataSource, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        public void Dispose() => turn.Release();
    }

    // Jobs run inside an IMMEDIATE transaction too, so two processes on one file take turns.
    public override Task<bool> TryLockJobAsync(long jobKey, CancellationToken ct) => Task.FromResult(true);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset text. UTC ticks sort correctly and, unlike EF's
        // binary converter, keep every digit, which the audit chain's hashes depend on.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}

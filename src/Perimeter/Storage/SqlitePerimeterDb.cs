using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Perimeter.Storage;

public sealed class SqlitePerimeterDb(DbContextOptions<SqlitePerimeterDb> options) : PerimeterDb(options)
{
    public override DatabaseKind Kind => DatabaseKind.Sqlite;

    // SQLite transactions begin IMMEDIATE, which takes the database's single write lock: that is the chain lock.
    protected override Task LockAuditChainAsync(CancellationToken ct) => Task.CompletedTask;

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

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
        // SQLite cannot order or compare DateTimeOffset text; UTC ticks sort correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

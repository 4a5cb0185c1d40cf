using Microsoft.EntityFrameworkCore;

namespace Perimeter.Storage;

public sealed class PostgresPerimeterDb(DbContextOptions<PostgresPerimeterDb> options) : PerimeterDb(options)
{
    /// <summary>Advisory-lock key of the audit chain; jobs use their own keys.</summary>
    private const long AuditChainLock = 0x5045_5249_0001;

    public override DatabaseKind Kind => DatabaseKind.Postgres;

    protected override async Task LockAuditChainAsync(CancellationToken ct) =>
        await Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AuditChainLock})", ct);

    public override async Task<bool> TryLockJobAsync(long jobKey, CancellationToken ct) =>
        await Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({jobKey}) AS \"Value\"").SingleAsync(ct);
}

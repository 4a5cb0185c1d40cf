using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Agencies;
using Perimeter.Features.Alerts;
using Perimeter.Features.Audit;
using Perimeter.Features.Deconfliction;
using Perimeter.Features.Federation;
using Perimeter.Features.Retention;
using Perimeter.Features.Tokens;
using Perimeter.Features.Users;

namespace Perimeter.Storage;

/// <summary>
/// The node's database. <see cref="SqlitePerimeterDb"/> and <see cref="PostgresPerimeterDb"/> derive from
/// it and own their migrations; every feature keeps its mapping in its own folder.
/// </summary>
public abstract class PerimeterDb(DbContextOptions options)
    : IdentityDbContext<NodeUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Keys that protect sign-in cookies, shared by every replica of the node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AlertVersion> AlertVersions => Set<AlertVersion>();
    public DbSet<AlertChange> AlertChanges => Set<AlertChange>();
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<PartnerCopy> PartnerCopies => Set<PartnerCopy>();
    public DbSet<ReceivedCopy> ReceivedCopies => Set<ReceivedCopy>();
    public DbSet<RelayCursor> RelayCursors => Set<RelayCursor>();
    public DbSet<PartnerHit> PartnerHits => Set<PartnerHit>();
    public DbSet<RequestForDetails> RequestsForDetails => Set<RequestForDetails>();
    public DbSet<HitReport> HitReports => Set<HitReport>();
    public DbSet<DeconflictionTarget> DeconflictionTargets => Set<DeconflictionTarget>();
    public DbSet<DeconflictionEvent> DeconflictionEvents => Set<DeconflictionEvent>();
    public DbSet<DeconflictionConflict> DeconflictionConflicts => Set<DeconflictionConflict>();
    public DbSet<DeconflictionKey> DeconflictionKeys => Set<DeconflictionKey>();
    public DbSet<DeconflictionToken> DeconflictionTokens => Set<DeconflictionToken>();

    public abstract DatabaseKind Kind { get; }

    /// <summary>True while <see cref="WriteAsync{T}"/> runs: the audit chain may be appended to.</summary>
    public bool IsInWriteTransaction { get; private set; }

    /// <summary>
    /// One unit of work: a transaction that holds the audit chain's lock, so the action, its audit
    /// records and its change-feed rows commit together or not at all, in one order on every replica.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (IsInWriteTransaction)
            return await work(ct);
        using var turn = await WaitForWriteTurnAsync(ct);
        await using var transaction = await Database.BeginTransactionAsync(ct);
        await LockAuditChainAsync(ct);
        IsInWriteTransaction = true;
        try
        {
            var result = await work(ct);
            await SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return result;
        }
        catch
        {
            // Nothing half-written: what this unit tracked must not be saved by a later one.
            ChangeTracker.Clear();
            throw;
        }
        finally
        {
            IsInWriteTransaction = false;
        }
    }

    public Task WriteAsync(Func<CancellationToken, Task> work, CancellationToken ct) =>
        WriteAsync(async token =>
        {
            await work(token);
            return true;
        }, ct);

    /// <summary>Waits, before the transaction begins, until this process's other writers are done; null where the database queues writers itself.</summary>
    protected virtual ValueTask<IDisposable?> WaitForWriteTurnAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>
    /// Takes, for the rest of the transaction, the lock that orders appends to the audit chain across
    /// every process using this database.
    /// </summary>
    protected abstract Task LockAuditChainAsync(CancellationToken ct);

    /// <summary>Tries to become the one replica that runs a background job now; false when another holds it.</summary>
    public abstract Task<bool> TryLockJobAsync(long jobKey, CancellationToken ct);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PerimeterDb).Assembly, t => t.Namespace?.StartsWith("Perimeter.Features", StringComparison.Ordinal) == true);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<NodeUser>(user =>
        {
            user.Property(u => u.Agency).HasMaxLength(40);
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
    }
}

public enum DatabaseKind
{
    Sqlite,
    Postgres,
}

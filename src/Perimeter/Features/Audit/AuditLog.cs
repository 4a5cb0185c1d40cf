using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Storage;

namespace Perimeter.Features.Audit;

/// <summary>
/// Appends hash-chained audit records to the unit of work in progress, so an action and its record
/// commit or roll back together. Call it inside <see cref="PerimeterDb.WriteAsync{T}"/>, which holds
/// the chain's lock: the next record's hash depends on the previous one. An action that writes nothing
/// else is recorded with <see cref="RecordAsync"/>.
/// </summary>
public sealed class AuditLog(PerimeterDb db, TimeProvider time, AuditGroupCommit? groupCommit = null)
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// Records an action that writes nothing else (a read, a screening, a refusal) and returns once the record is
    /// committed: inside the unit of work in progress if there is one, otherwise through the node's <see cref="AuditGroupCommit"/>,
    /// where records of concurrent callers share a commit.
    /// </summary>
    public Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken ct) =>
        db.IsInWriteTransaction || groupCommit is null
            ? db.WriteAsync(token => AppendAsync(caller, entry, token), ct)
            : groupCommit.RecordAsync(caller, entry, ct);

    public async Task AppendAsync(Caller caller, AuditEntry entry, CancellationToken ct)
    {
        if (!db.IsInWriteTransaction)
            throw new InvalidOperationException("Audit records are appended inside PerimeterDb.WriteAsync only.");
        var (sequence, previous) = await HeadAsync(ct);
        var record = new AuditRecord
        {
            Sequence = sequence + 1,
            At = Truncate(time.GetUtcNow()),
            ActorKind = caller.Kind,
            ActorId = caller.ActorId,
            Agency = Blank(caller.Agency),
            Roles = caller.Roles.Count == 0 ? null : string.Join(',', caller.Roles.Order().Select(r => r.ToString())),
            Purpose = caller.Purpose == Purposes.None ? null : string.Join(',', MarkingText.Of(caller.Purpose)),
            Action = entry.Action,
            Outcome = entry.Outcome,
            Target = entry.Target,
            TargetIds = entry.TargetIds is null ? null : Blank(string.Join(' ', entry.TargetIds.Select(Id))),
            RemoteAddress = caller.RemoteAddress,
            Detail = entry.Detail is { Length: > 500 } detail ? detail[..500] : entry.Detail,
            PreviousHash = previous,
            Hash = "",
        };
        record.Hash = HashOf(record);
        db.AuditRecords.Add(record);
    }

    private async Task<(long Sequence, string Hash)> HeadAsync(CancellationToken ct)
    {
        // Only records added by this unit of work: saved ones a long-lived context still tracks may be
        // behind the database, where other contexts have appended since.
        var pending = db.ChangeTracker.Entries<AuditRecord>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .MaxBy(r => r.Sequence);
        if (pending is not null)
            return (pending.Sequence, pending.Hash);
        var head = await db.AuditRecords.AsNoTracking()
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(ct);
        return head is null ? (0, Genesis) : (head.Sequence, head.Hash);
    }

    /// <summary>SHA-256 over every field, each length-prefixed so that no two records can encode alike.</summary>
    public static string HashOf(AuditRecord r)
    {
        var builder = new StringBuilder();
        foreach (var field in new[]
        {
            r.Sequence.ToString(CultureInfo.InvariantCulture),
            r.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            r.ActorKind.ToString(), r.ActorId, r.Agency, r.Roles, r.Purpose, r.Action.ToString(), r.Outcome.ToString(),
            r.Target, r.TargetIds, r.RemoteAddress, r.Detail, r.PreviousHash,
        })
        {
            builder.Append(field is null ? -1 : field.Length).Append(':').Append(field).Append(';');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// The hash must cover what the database gives back: PostgreSQL keeps microseconds, SQLite keeps
    /// UTC ticks (see SqlitePerimeterDb). Whole microseconds survive both.
    /// </summary>
    private static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % (TimeSpan.TicksPerMillisecond / 1000), TimeSpan.Zero);

    private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static string Id(object id) => id switch
    {
        Guid guid => guid.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => id.ToString() ?? "",
    };
}

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Tests.Infrastructure;

/// <summary>Appends and reads audit records the way the node does, each append in a unit of work of its own.</summary>
public static class AuditTrail
{
    public static readonly Caller Operator = Caller.Operator("us.cbp");

    public static Task AppendAsync(PerimeterDb db, string detail, CancellationToken ct) =>
        AppendAsync(db, Operator, detail, ct);

    public static Task AppendAsync(PerimeterDb db, Caller caller, string detail, CancellationToken ct) =>
        db.WriteAsync(token => new AuditLog(db, TimeProvider.System).AppendAsync(
            caller, new AuditEntry(AuditAction.Read, "alert", [Guid.NewGuid()], Detail: detail), token), ct);

    /// <summary>Appends <paramref name="count"/> records, "record 1", "record 2"…, on one fresh context.</summary>
    public static async Task AppendManyAsync(TestDatabase database, int count, CancellationToken ct)
    {
        await using var db = database.Open();
        for (var i = 1; i <= count; i++)
            await AppendAsync(db, $"record {i}", ct);
    }

    public static async Task<ChainCheck> VerifyAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.Open();
        return await AuditChain.VerifyAsync(db, ct);
    }

    public static async Task<List<AuditRecord>> ReadAllAsync(TestDatabase database, CancellationToken ct)
    {
        await using var db = database.Open();
        return await db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(ct);
    }
}

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Audit;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Audit;

public sealed class AuditLogTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_failed_unit_of_work_leaves_no_audit_record_and_the_chain_continues_from_the_last_one(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var db = test.Open();
        await AuditTrail.AppendAsync(db, "before", ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync(async token =>
        {
            await new AuditLog(db, TimeProvider.System).AppendAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Publish, Detail: "rolled back"), token);
            await db.SaveChangesAsync(token);
            throw new InvalidOperationException("the action failed after its record was written");
        }, ct));
        await AuditTrail.AppendAsync(db, "after", ct);

        var records = await AuditTrail.ReadAllAsync(test, ct);
        Assert.Equal(["before", "after"], records.Select(r => r.Detail));
        Assert.Equal(records[0].Hash, records[1].PreviousHash);
        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.True(check.IsIntact, check.FirstBrokenLink?.Reason);
        Assert.Equal(2, check.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task A_unit_of_work_that_fails_before_saving_leaves_no_audit_record(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var db = test.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.WriteAsync(async token =>
        {
            await new AuditLog(db, TimeProvider.System).AppendAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Publish), token);
            throw new InvalidOperationException("the action failed");
        }, ct));
        await AuditTrail.AppendAsync(db, "after", ct);

        var records = await AuditTrail.ReadAllAsync(test, ct);
        Assert.Equal(1L, Assert.Single(records).Sequence);
        Assert.Equal(AuditLog.Genesis, records[0].PreviousHash);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Records_appended_in_one_unit_of_work_chain_to_each_other(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var db = test.Open();
        var log = new AuditLog(db, TimeProvider.System);

        await db.WriteAsync(async token =>
        {
            for (var i = 0; i < 3; i++)
                await log.AppendAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Search, Detail: $"query {i}"), token);
        }, ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.True(check.IsIntact, check.FirstBrokenLink?.Reason);
        Assert.Equal(3, check.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Appending_outside_a_unit_of_work_is_refused(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await using var db = test.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new AuditLog(db, TimeProvider.System).AppendAsync(AuditTrail.Operator, new AuditEntry(AuditAction.Read), ct));

        Assert.Equal(0, await db.AuditRecords.CountAsync(ct));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Concurrent_writers_on_separate_contexts_keep_one_contiguous_intact_chain(Database database)
    {
        const int PerWriter = 50;
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);

        // Each writer keeps its context for all its appends, as a long CLI command or a busy request would.
        async Task WriteAsync(string actor)
        {
            await Task.Yield();
            var caller = AuditTrail.Operator with { ActorId = actor };
            await using var db = test.Open();
            for (var i = 1; i <= PerWriter; i++)
                await AuditTrail.AppendAsync(db, caller, $"{actor} {i}", ct);
        }
        await Task.WhenAll(Task.Run(() => WriteAsync("writer-a"), ct), Task.Run(() => WriteAsync("writer-b"), ct));

        var records = await AuditTrail.ReadAllAsync(test, ct);
        Assert.Equal(Enumerable.Range(1, 2 * PerWriter).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(PerWriter, records.Count(r => r.ActorId == "writer-a"));
        Assert.Equal(PerWriter, records.Count(r => r.ActorId == "writer-b"));
        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.True(check.IsIntact, check.FirstBrokenLink?.Reason);
        Assert.Equal(2 * PerWriter, check.Count);
    }
}

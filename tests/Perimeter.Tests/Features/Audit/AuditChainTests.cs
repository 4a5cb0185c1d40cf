using Perimeter.Features.Audit;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Features.Audit;

// Tampering goes through plain SQL on a connection of its own, as someone with sqlite3 or psql would do it.
public sealed class AuditChainTests
{
    private const int Records = 5;

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_untouched_chain_verifies_up_to_its_last_record(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);

        var check = await AuditTrail.VerifyAsync(test, ct);

        var records = await AuditTrail.ReadAllAsync(test, ct);
        Assert.True(check.IsIntact, check.FirstBrokenLink?.Reason);
        Assert.Equal(Records, check.Count);
        Assert.Equal(records[^1].Hash, check.HeadHash);
        Assert.Equal(Enumerable.Range(1, Records).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(AuditLog.Genesis, records[0].PreviousHash);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task An_empty_chain_is_intact_and_its_head_is_the_genesis_hash(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);

        var check = await AuditTrail.VerifyAsync(test, ct);

        Assert.True(check.IsIntact);
        Assert.Equal(0, check.Count);
        Assert.Equal(AuditLog.Genesis, check.HeadHash);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Editing_a_record_detail_breaks_the_chain_at_that_record(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);

        await test.ExecuteSqlAsync("""UPDATE audit_records SET "Detail" = 'nothing to see' WHERE "Sequence" = 3""", ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.False(check.IsIntact);
        Assert.Equal(3, check.FirstBrokenLink!.Sequence);
        Assert.Contains("edited", check.FirstBrokenLink.Reason, StringComparison.Ordinal);
        Assert.Equal(2, check.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Editing_a_record_actor_breaks_the_chain_at_that_record(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);

        await test.ExecuteSqlAsync("""UPDATE audit_records SET "ActorId" = 'cli:someone-else' WHERE "Sequence" = 4""", ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.Equal(4, check.FirstBrokenLink?.Sequence);
        Assert.Equal(3, check.Count);
    }

    // SQLite keeps ticks, finer than the microsecond the hash covers.
    [Fact]
    public async Task Moving_a_record_time_by_less_than_a_microsecond_breaks_the_chain_at_that_record()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(Database.Sqlite, ct);
        await AuditTrail.AppendManyAsync(test, 2, ct);

        await test.ExecuteSqlAsync("""UPDATE audit_records SET "At" = "At" + 8 WHERE "Sequence" = 1""", ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.Equal(1, check.FirstBrokenLink?.Sequence);
        Assert.Equal(0, check.Count);
    }

    // EF reads the first two as the record's own kind, Operator, and could not read the last at all.
    [Theory]
    [InlineData("3")]
    [InlineData("operator")]
    [InlineData("Someone")]
    public async Task Another_spelling_of_a_record_actor_kind_breaks_the_chain_at_that_record(string spelling)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(Database.Sqlite, ct);
        await AuditTrail.AppendManyAsync(test, 2, ct);

        await test.ExecuteSqlAsync($"""UPDATE audit_records SET "ActorKind" = '{spelling}' WHERE "Sequence" = 2""", ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.Equal(2, check.FirstBrokenLink?.Sequence);
        Assert.Contains("edited", check.FirstBrokenLink!.Reason, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deleting_a_middle_record_breaks_the_chain_at_the_gap(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);

        await test.ExecuteSqlAsync("""DELETE FROM audit_records WHERE "Sequence" = 3""", ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.Equal(4, check.FirstBrokenLink?.Sequence);
        Assert.Contains("missing", check.FirstBrokenLink!.Reason, StringComparison.Ordinal);
        Assert.Equal(2, check.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deleting_a_record_and_renumbering_the_rest_breaks_the_link_after_it(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);

        // Sequences move one at a time, in order, so the primary key never sees two equal values.
        await test.ExecuteSqlAsync("""
            DELETE FROM audit_records WHERE "Sequence" = 3;
            UPDATE audit_records SET "Sequence" = 3 WHERE "Sequence" = 4;
            UPDATE audit_records SET "Sequence" = 4 WHERE "Sequence" = 5;
            """, ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.Equal(3, check.FirstBrokenLink?.Sequence);
        Assert.Equal(2, check.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Swapping_two_records_breaks_the_chain_at_the_first_of_them(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);

        await test.ExecuteSqlAsync("""
            UPDATE audit_records SET "Sequence" = -2 WHERE "Sequence" = 2;
            UPDATE audit_records SET "Sequence" = 2 WHERE "Sequence" = 3;
            UPDATE audit_records SET "Sequence" = 3 WHERE "Sequence" = -2;
            """, ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.Equal(2, check.FirstBrokenLink?.Sequence);
        Assert.Equal(1, check.Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Editing_a_record_and_recomputing_its_hash_breaks_the_link_of_the_next_record(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);

        // The attacker knows the hashing scheme and rehashes the edited record correctly.
        var edited = (await AuditTrail.ReadAllAsync(test, ct)).Single(r => r.Sequence == 3);
        edited.Detail = "nothing to see";
        var forged = AuditLog.HashOf(edited);
        await test.ExecuteSqlAsync($"""UPDATE audit_records SET "Detail" = 'nothing to see', "Hash" = '{forged}' WHERE "Sequence" = 3""", ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.Equal(4, check.FirstBrokenLink?.Sequence);
        Assert.Contains("link", check.FirstBrokenLink!.Reason, StringComparison.Ordinal);
        Assert.Equal(3, check.Count);
    }

    // Rewriting every record from the edit to the end verifies: the head hash noted earlier is what catches it.
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rewriting_the_tail_of_the_chain_changes_its_head_hash(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);
        var noted = await AuditTrail.VerifyAsync(test, ct);

        var previous = "";
        foreach (var record in (await AuditTrail.ReadAllAsync(test, ct)).Where(r => r.Sequence >= 4))
        {
            record.Detail = "rewritten";
            record.PreviousHash = previous is "" ? record.PreviousHash : previous;
            record.Hash = AuditLog.HashOf(record);
            previous = record.Hash;
            await test.ExecuteSqlAsync(
                $"""UPDATE audit_records SET "Detail" = 'rewritten', "PreviousHash" = '{record.PreviousHash}', "Hash" = '{record.Hash}' WHERE "Sequence" = {record.Sequence}""", ct);
        }

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.True(check.IsIntact);
        Assert.Equal(noted.Count, check.Count);
        Assert.NotEqual(noted.HeadHash, check.HeadHash);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deleting_the_last_record_shortens_the_chain_and_changes_its_head_hash(Database database)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(database, ct);
        await AuditTrail.AppendManyAsync(test, Records, ct);
        var noted = await AuditTrail.VerifyAsync(test, ct);

        await test.ExecuteSqlAsync($"""DELETE FROM audit_records WHERE "Sequence" = {Records}""", ct);

        var check = await AuditTrail.VerifyAsync(test, ct);
        Assert.True(check.IsIntact);
        Assert.Equal(Records - 1, check.Count);
        Assert.NotEqual(noted.HeadHash, check.HeadHash);
    }
}

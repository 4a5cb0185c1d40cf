using System.Globalization;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Properties;

/// <summary>
/// Generated chains, each tampered with once through plain SQL as someone with <c>sqlite3</c> would: one field of one
/// record edited, one record deleted, or two records swapped. <c>AuditChainTests</c> has one example of each.
/// </summary>
public sealed class AuditChainProperties
{
    // Quotes the tampering SQL must escape, a surrogate pair, an accent, a space: values at least as awkward as real ones.
    private static readonly Gen<string> Text = Gen.OneOf("a", "Z", "0", "7", " ", "'", "\"", "é", "😀", ".", "|", ";", "--")
        .Array[0, 8].Select(string.Concat);

    private static Gen<string?> Optional(Gen<string> values) =>
        Gen.Frequency((1, Gen.Const((string?)null)), (1, Gen.Const((string?)"")), (4, values.Select(v => (string?)v)));

    private static readonly Gen<Caller> ACaller = Gen.Select(
        Gen.Enum<ActorKind>(), Text.Where(t => t.Length > 0), Optional(Gen.OneOf("us.cbp", "mx.inm")), Gen.Enum<Role>().HashSet[0, 3],
        Gen.Int[0, 511], Optional(Gen.OneOf("127.0.0.1", "::1")),
        (kind, actor, agency, roles, purposes, address) => new Caller
        {
            Kind = kind, ActorId = actor, Agency = agency ?? "", Roles = roles, Purpose = (Purposes)purposes, RemoteAddress = address,
        });

    private static readonly Gen<object[]?> TargetIds = Gen.Frequency(
        (1, Gen.Const((object[]?)null)),
        (3, Gen.OneOf<object>(Gen.Guid.Select(g => (object)g), Gen.Int.Select(i => (object)i), Text.Select(t => (object)t)).Array[0, 3]
            .Select(ids => (object[]?)ids)));

    // Details past the 500 characters the log keeps are cut there.
    private static readonly Gen<AuditEntry> AnEntry = Gen.Select(
        Gen.Enum<AuditAction>(), Optional(Gen.OneOf("alert", "user", "partner")), TargetIds, Gen.Enum<AuditOutcome>(),
        Optional(Gen.OneOf(Text, Text.Array[60, 80].Select(string.Concat))),
        (action, target, ids, outcome, detail) => new AuditEntry(action, target, ids, outcome, detail));

    private sealed record Appended(Caller Caller, AuditEntry Entry, TimeSpan After);

    private static readonly Gen<Appended[]> Records = Gen.Select(ACaller, AnEntry, Gen.Long[0, TimeSpan.TicksPerDay],
        (caller, entry, ticks) => new Appended(caller, entry, TimeSpan.FromTicks(ticks))).Array[1, 8];

    [Fact]
    public async Task Any_edit_deletion_or_swap_of_stored_records_is_detected()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var test = await TestDatabase.CreateAsync(Database.Sqlite, ct);
        var chains =
            from records in Records
            from tampering in Tampering.Of(records.Length)
            select (records, tampering);

        await chains.SampleAsync(async (records, tampering) =>
        {
            await test.ExecuteSqlAsync("DELETE FROM audit_records", ct);
            await AppendAsync(test, records, ct);
            var noted = await AuditTrail.VerifyAsync(test, ct);
            Assert.True(noted.IsIntact && noted.Count == records.Length, $"the untouched chain: {noted}");

            var sql = tampering.Sql(await AuditTrail.ReadAllAsync(test, ct));
            await test.ExecuteSqlAsync(sql, ct);

            var check = await AuditTrail.VerifyAsync(test, ct);
            if (tampering is Deletion { Sequence: var last } && last == records.Length)
            {
                // Cutting records from the end leaves a shorter chain that holds: the head hash noted earlier catches it,
                // as perimeter audit verify --expect-head does.
                Assert.True(check.IsIntact && check.HeadHash != noted.HeadHash, $"{sql}: {check}");
            }
            else
            {
                Assert.True(!check.IsIntact && check.Count < tampering.FirstTouched, $"{sql} went unnoticed: {check}");
            }
        }, iter: 60, threads: 1, print: example => $"{example.Item1.Length} records, {example.Item2}");
    }

    /// <summary>Appends the records as the node does: through the log, inside one unit of work, on a clock moved between them.</summary>
    private static async Task AppendAsync(TestDatabase test, Appended[] records, CancellationToken ct)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        await using var db = test.Open();
        var log = new AuditLog(db, time);
        await db.WriteAsync(async token =>
        {
            foreach (var record in records)
            {
                time.Advance(record.After);
                await log.AppendAsync(record.Caller, record.Entry, token);
            }
        }, ct);
    }

    /// <summary>One change to the stored chain; <see cref="FirstTouched"/> is the first sequence it changes.</summary>
    private abstract record Tampering(long FirstTouched)
    {
        // Ticks a time is moved by: less than the microsecond the log keeps, or up to a day.
        private static readonly Gen<long> Moved = Gen.Frequency((1, Gen.Long[1, 9]), (2, Gen.Long[10, TimeSpan.TicksPerDay]));

        public static Gen<Tampering> Of(int count)
        {
            var edit = Gen.Select(Gen.Int[1, count], Gen.Enum<Column>(), Text, Gen.Int[0, 1_000], Moved, Gen.Bool,
                (sequence, column, text, choice, ticks, later) => (Tampering)new Edit(sequence, column, text, choice, later ? ticks : -ticks));
            var deletion = Gen.Int[1, count].Select(sequence => (Tampering)new Deletion(sequence));
            if (count == 1)
                return Gen.Frequency((3, edit), (1, deletion));
            var swap = Gen.Select(Gen.Int[1, count - 1], Gen.Int[1, count - 1], (first, gap) => (Tampering)new Swap(first, Math.Min(count, first + gap)));
            return Gen.Frequency((3, edit), (1, deletion), (1, swap));
        }

        /// <summary>The SQL that makes the change to <paramref name="stored"/>, the chain as it was written.</summary>
        public abstract string Sql(IReadOnlyList<AuditRecord> stored);
    }

    private sealed record Deletion(long Sequence) : Tampering(Sequence)
    {
        public override string Sql(IReadOnlyList<AuditRecord> stored) => $"""DELETE FROM audit_records WHERE "Sequence" = {Sequence}""";
    }

    // Sequences move one at a time through a number no record has, so the primary key never sees two equal values.
    private sealed record Swap(long First, long Second) : Tampering(First)
    {
        public override string Sql(IReadOnlyList<AuditRecord> stored) => $"""
            UPDATE audit_records SET "Sequence" = -1 WHERE "Sequence" = {First};
            UPDATE audit_records SET "Sequence" = {First} WHERE "Sequence" = {Second};
            UPDATE audit_records SET "Sequence" = {Second} WHERE "Sequence" = -1;
            """;
    }

    private enum Column
    {
        Sequence, At, ActorKind, ActorId, Agency, Roles, Purpose, Action, Outcome, Target, TargetIds, RemoteAddress, Detail, PreviousHash, Hash,
    }

    /// <summary>
    /// Sets one column of one record to a value it does not hold, <paramref name="Choice"/> picking which: a number no
    /// record has, a time moved by <paramref name="Ticks"/>, another spelling of the enum, other text, the empty
    /// string or NULL where the column allows it, a hash in upper case.
    /// </summary>
    private sealed record Edit(long Sequence, Column Column, string Text, int Choice, long Ticks) : Tampering(Sequence)
    {
        public override string Sql(IReadOnlyList<AuditRecord> stored)
        {
            var record = stored.Single(r => r.Sequence == Sequence);
            var value = Column switch
            {
                Column.Sequence => Choice % 2 == 0 ? $"{-1 - Choice}" : $"{stored.Count + 1 + Choice}",
                Column.At => $"\"At\" + {Ticks}",
                Column.ActorKind => OtherName(record.ActorKind),
                Column.Action => OtherName(record.Action),
                Column.Outcome => OtherName(record.Outcome),
                Column.ActorId => Other(record.ActorId, nullable: false),
                Column.Agency => Other(record.Agency, nullable: true),
                Column.Roles => Other(record.Roles, nullable: true),
                Column.Purpose => Other(record.Purpose, nullable: true),
                Column.Target => Other(record.Target, nullable: true),
                Column.TargetIds => Other(record.TargetIds, nullable: true),
                Column.RemoteAddress => Other(record.RemoteAddress, nullable: true),
                Column.Detail => Other(record.Detail, nullable: true),
                Column.PreviousHash => Choice % 2 == 0 ? Differing(record.PreviousHash, record.PreviousHash.ToUpperInvariant()) : Other(record.PreviousHash, nullable: false),
                Column.Hash => Choice % 2 == 0 ? Differing(record.Hash, record.Hash.ToUpperInvariant()) : Other(record.Hash, nullable: false),
            };
            return $"""UPDATE audit_records SET "{Column}" = {value} WHERE "Sequence" = {Sequence}""";
        }

        // Another member's name, or another spelling of this one (its number, lower case, padded), or text no member has.
        private string OtherName<TEnum>(TEnum current) where TEnum : struct, Enum
        {
            var name = current.ToString();
            var members = Enum.GetNames<TEnum>().Where(other => other != name).ToArray();
            string[] spellings = [Convert.ToInt32(current, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture), name.ToLowerInvariant(), $" {name} ", Text];
            return Differing(name, Choice % 2 == 0 ? members[Choice / 2 % members.Length] : spellings[Choice / 2 % spellings.Length]);
        }

        private string Other(string? current, bool nullable) =>
            Differing(current, nullable && Choice % 3 == 1 ? null : Choice % 3 == 2 ? "" : Text);

        private static string Differing(string? current, string? value)
        {
            if (value == current)
                value = current is null ? "x" : current + "x";
            return value is null ? "NULL" : Literal(value);
        }

        private static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
    }
}

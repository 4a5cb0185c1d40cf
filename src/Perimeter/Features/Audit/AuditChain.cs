using Microsoft.EntityFrameworkCore;
using Perimeter.Storage;

namespace Perimeter.Features.Audit;

/// <summary>Walks the audit chain from the first record and names the first link that does not hold.</summary>
public static class AuditChain
{
    public static async Task<ChainCheck> VerifyAsync(PerimeterDb db, CancellationToken ct)
    {
        long expected = 1;
        var previous = AuditLog.Genesis;
        await foreach (var record in db.AuditRecords.AsNoTracking().OrderBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (record.Sequence != expected)
            {
                var reason = record.Sequence > expected
                    ? $"records {expected}–{record.Sequence - 1} are missing"
                    : $"record {record.Sequence} is out of order";
                return new ChainCheck(expected - 1, previous, new BrokenLink(record.Sequence, reason));
            }
            if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
                return new ChainCheck(expected - 1, previous, new BrokenLink(record.Sequence, "its link to the previous record does not match: a record before it was removed or replaced"));
            if (!string.Equals(AuditLog.HashOf(record), record.Hash, StringComparison.Ordinal))
                return new ChainCheck(expected - 1, previous, new BrokenLink(record.Sequence, "its contents do not match its hash: the record was edited"));
            previous = record.Hash;
            expected++;
        }
        return new ChainCheck(expected - 1, previous, null);
    }
}

/// <param name="Count">Records verified before the first broken link (all of them when intact).</param>
/// <param name="HeadHash">Hash of the last verified record: write it down to detect later truncation.</param>
/// <param name="FirstBrokenLink">Null when every record holds.</param>
public sealed record ChainCheck(long Count, string HeadHash, BrokenLink? FirstBrokenLink)
{
    public bool IsIntact => FirstBrokenLink is null;
}

public sealed record BrokenLink(long Sequence, string Reason);

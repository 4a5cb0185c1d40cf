using Microsoft.EntityFrameworkCore;
using Perimeter.Localization;
using Perimeter.Storage;

namespace Perimeter.Features.Audit;

/// <summary>Walks the audit chain from the first record and names the first link that does not hold, in the reader's language.</summary>
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
                    ? Text.Format("ChainRecordsMissing", expected, record.Sequence - 1)
                    : Text.Format("ChainOutOfOrder", record.Sequence);
                return new ChainCheck(expected - 1, previous, new BrokenLink(record.Sequence, reason));
            }
            if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
                return new ChainCheck(expected - 1, previous, new BrokenLink(record.Sequence, Text.Get("ChainLinkBroken")));
            // The hash covers the time to the microsecond, which is all the log writes; SQLite keeps ticks, so a finer
            // time is an edit the hash alone would miss.
            if (!string.Equals(AuditLog.HashOf(record), record.Hash, StringComparison.Ordinal) || record.At.UtcTicks % TimeSpan.TicksPerMicrosecond != 0)
                return new ChainCheck(expected - 1, previous, new BrokenLink(record.Sequence, Text.Get("ChainRecordEdited")));
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

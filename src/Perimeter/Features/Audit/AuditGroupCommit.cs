using System.Threading.Channels;
using Perimeter.Features.Access;
using Perimeter.Storage;

namespace Perimeter.Features.Audit;

/// <summary>
/// Group commit for audit records of actions that write nothing else (reads, screenings): records that arrive while a
/// commit is under way wait for the next one, which takes them all, so one commit — one flush to disk on SQLite — covers
/// many callers, and the single writer does not queue them one by one. Each caller returns once its own record is
/// committed, exactly as if it had written it.
/// </summary>
public sealed partial class AuditGroupCommit : IAsyncDisposable
{
    /// <summary>Records in one transaction at most: a burst is written in a few commits, none of them long.</summary>
    private const int MaxBatch = 256;

    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<AuditGroupCommit> _logger;
    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public AuditGroupCommit(IServiceScopeFactory scopes, ILogger<AuditGroupCommit> logger)
    {
        _scopes = scopes;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Completes when the record is committed; a caller that gives up waiting still has its record written.</summary>
    public Task RecordAsync(Caller caller, AuditEntry entry, CancellationToken ct)
    {
        var pending = new Pending(caller, entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
            throw new InvalidOperationException("The node is stopping: audit records are no longer accepted.");
        return pending.Committed.Task.WaitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
                batch.Add(next);
            try
            {
                await CommitAsync(batch);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception batchFailure) when (batch.Count > 1)
            {
                // One bad record must not cost the others theirs: each is tried on its own.
                LogBatchFailed(batchFailure, batch.Count);
                foreach (var pending in batch)
                    await CommitAloneAsync(pending);
            }
            catch (Exception failure)
            {
                batch.ForEach(p => p.Committed.TrySetException(failure));
            }
        }
    }

    private async Task CommitAloneAsync(Pending pending)
    {
        try
        {
            await CommitAsync([pending]);
            pending.Committed.TrySetResult();
        }
        catch (Exception failure)
        {
            pending.Committed.TrySetException(failure);
        }
    }

    private async Task CommitAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PerimeterDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        await db.WriteAsync(async ct =>
        {
            foreach (var pending in batch)
                await audit.AppendAsync(pending.Caller, pending.Entry, ct);
        }, CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An audit batch of {Count} records failed; writing them one by one")]
    private partial void LogBatchFailed(Exception failure, int count);

    private sealed record Pending(Caller Caller, AuditEntry Entry, TaskCompletionSource Committed);
}

using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Matching.Screening;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>
/// Runs queued batch jobs one at a time: claims a job (one replica wins), screens its rows against the
/// current index with its creator's view, reports progress as it goes, and stores the results CSV.
/// </summary>
public sealed class BatchScreeningJob(PerimeterDb db, ScreeningIndex index, AccessPolicy policy, AuditLog audit, TimeProvider time)
{
    private const long JobLock = 0x5045_5249_0004;
    private const int ProgressEvery = 250;

    /// <summary>Runs the oldest queued job, if any; returns whether there was one.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var job = await db.WriteAsync(async token =>
        {
            if (!await db.TryLockJobAsync(JobLock, token))
                return null;
            var next = await db.Set<BatchJob>().Where(j => j.Status == BatchStatus.Queued).OrderBy(j => j.CreatedAt).FirstOrDefaultAsync(token);
            if (next is null)
                return null;
            next.Status = BatchStatus.Running;
            next.StartedAt = time.GetUtcNow();
            return next;
        }, ct);
        if (job is null)
            return false;
        db.ChangeTracker.Clear();

        var caller = new Caller
        {
            Kind = ActorKind.User,
            ActorId = job.CreatedBy,
            Agency = job.Agency,
            Roles = job.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => Enum.Parse<Role>(r)).ToHashSet(),
            Purpose = job.Purpose,
            RemoteAddress = "batch",
        };
        var read = ScreeningInput.FromCsv(job.InputCsv, "batch.csv");
        var snapshot = await index.EnsureCurrentAsync(db, ct);
        var results = new List<(string, IReadOnlyList<Match>)>(read.Queries.Count);
        var withCandidates = 0;
        for (var i = 0; i < read.Queries.Count; i++)
        {
            var query = read.Queries[i];
            var matches = snapshot.Watchlist.Screen(query.Subject, ScreeningOptions.Default with { Top = job.Top, Threshold = job.Threshold, Kind = query.Subject.Kind },
                id => snapshot.Alerts.TryGetValue(id, out var alert) && policy.Decide(caller, alert).IsAllowed);
            results.Add((query.Id, matches));
            if (matches.Count > 0)
                withCandidates++;
            if ((i + 1) % ProgressEvery == 0)
                await db.Set<BatchJob>().Where(j => j.Id == job.Id)
                    .ExecuteUpdateAsync(j => j.SetProperty(x => x.Done, i + 1).SetProperty(x => x.WithCandidates, withCandidates), ct);
        }

        using var writer = new StringWriter();
        ScreeningInput.WriteResults(writer, results, id => id.ToString());
        await db.WriteAsync(async token =>
        {
            var stored = await db.Set<BatchJob>().SingleAsync(j => j.Id == job.Id, token);
            stored.Status = BatchStatus.Done;
            stored.Done = read.Queries.Count;
            stored.WithCandidates = withCandidates;
            stored.ResultCsv = writer.ToString();
            stored.FinishedAt = time.GetUtcNow();
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.Screen, "batch", [job.Id, .. results.SelectMany(r => r.Item2).Select(m => (object)m.Id).Distinct().Take(500)],
                Detail: $"batch rows={read.Queries.Count} with-candidates={withCandidates}"), token);
        }, ct);
        Telemetry.Screenings.Add(read.Queries.Count);
        return true;
    }
}

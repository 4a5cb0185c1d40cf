using Microsoft.EntityFrameworkCore;
using Perimeter.Features.Access;
using Perimeter.Features.Audit;
using Perimeter.Storage;

namespace Perimeter.Features.Screening;

/// <summary>Queues a manifest for background screening and reads jobs back: one path for the API and the console.</summary>
public sealed class BatchJobs(PerimeterDb db, VisibleAlerts visible, AuditLog audit, TimeProvider time)
{
    /// <summary>Checks every row first; a bad manifest queues nothing and names up to twenty of its errors.</summary>
    public async Task<(BatchJobView? Job, FieldErrors Errors)> SubmitAsync(string csv, int top, double? threshold, Caller caller, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var read = ScreeningInput.FromCsv(csv, "batch.csv");
        if (!read.IsValid)
        {
            foreach (var error in read.Errors.Take(20))
                errors.Add("body", "InvalidValue", error);
            return (null, errors);
        }
        if (top is < 1 or > 50)
            errors.Add("top", "OutOfRange");
        if (threshold is not null and not (>= 0 and <= 1))
            errors.Add("threshold", "OutOfRange");
        if (errors.Count > 0)
            return (null, errors);
        var job = new BatchJob
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            Agency = caller.Agency,
            CreatedBy = caller.ActorId,
            Roles = string.Join(',', caller.Roles),
            Purpose = caller.Purpose,
            Status = BatchStatus.Queued,
            Total = read.Queries.Count,
            InputCsv = csv,
            Top = top,
            Threshold = threshold ?? Matching.Screening.ScoringModel.Default.PossibleThreshold,
            CreatedAt = time.GetUtcNow(),
        };
        await db.WriteAsync(async token =>
        {
            db.Add(job);
            await audit.AppendAsync(caller, new AuditEntry(AuditAction.BatchQueued, "batch", [job.Id], Detail: $"rows={job.Total}"), token);
        }, ct);
        return (BatchJobView.Of(job), errors);
    }

    /// <summary>A job of the caller's own agency, without its manifest or results; null for another agency's.</summary>
    public async Task<BatchJobView?> FindAsync(Guid id, Caller caller, CancellationToken ct) =>
        await Jobs(caller).SingleOrDefaultAsync(j => j.Id == id, ct) is { } job ? BatchJobView.Of(job) : null;

    /// <summary>
    /// A job's results CSV, for its own agency only (null for another's), once done (a null CSV before): only the rows whose
    /// alert the caller may see now under the purpose named — an alert re-marked or retracted since the run is left out.
    /// Reading them is audited as an export of the alerts shown.
    /// </summary>
    public async Task<BatchResults?> ResultsAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var job = await db.Set<BatchJob>().AsNoTracking().Where(j => j.Id == id && j.Agency == caller.Agency)
            .Select(j => new { j.Status, j.ResultCsv }).SingleOrDefaultAsync(ct);
        if (job is null)
            return null;
        if (job.Status != BatchStatus.Done)
            return new BatchResults(job.Status, null);
        var named = ScreeningInput.AlertIdsOfResults(job.ResultCsv ?? "");
        var shown = await visible.AmongAsync(caller, named, ct);
        await audit.RecordAsync(caller, new AuditEntry(AuditAction.Export, "batch", [id, .. shown.Select(a => (object)a)],
            Detail: $"alerts={shown.Count} withheld={named.Count - shown.Count}"), ct);
        return new BatchResults(job.Status, ScreeningInput.KeepResults(job.ResultCsv ?? "", shown.Contains));
    }

    /// <summary>The agency's latest jobs, newest first.</summary>
    public async Task<IReadOnlyList<BatchJobView>> RecentAsync(Caller caller, int count, CancellationToken ct) =>
        [.. (await Jobs(caller).OrderByDescending(j => j.CreatedAt).Take(count).ToListAsync(ct)).Select(BatchJobView.Of)];

    private IQueryable<BatchJob> Jobs(Caller caller) =>
        db.Set<BatchJob>().AsNoTracking().Where(j => j.Agency == caller.Agency)
            .Select(j => new BatchJob
            {
                Id = j.Id, Agency = j.Agency, CreatedBy = j.CreatedBy, Roles = j.Roles, Purpose = j.Purpose, Status = j.Status, Total = j.Total, Done = j.Done,
                WithCandidates = j.WithCandidates, Error = j.Error, CreatedAt = j.CreatedAt, StartedAt = j.StartedAt, FinishedAt = j.FinishedAt, InputCsv = "",
            });
}

/// <summary>A job's status and, once it is done, its results as the caller may see them.</summary>
public sealed record BatchResults(BatchStatus Status, string? Csv);

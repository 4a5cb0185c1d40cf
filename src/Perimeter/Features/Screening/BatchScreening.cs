using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Perimeter.Features.Access;

namespace Perimeter.Features.Screening;

/// <summary>A batch screening job: a manifest screened in the background, with progress and downloadable results.</summary>
public sealed class BatchJob
{
    public Guid Id { get; set; }
    public required string Agency { get; set; }
    public required string CreatedBy { get; set; }
    /// <summary>The creator's roles, comma-separated: the job sees what its creator may see.</summary>
    public required string Roles { get; set; }
    public Purposes Purpose { get; set; }
    public BatchStatus Status { get; set; }
    public int Total { get; set; }
    public int Done { get; set; }
    public int WithCandidates { get; set; }
    public required string InputCsv { get; set; }
    public string? ResultCsv { get; set; }
    public string? Error { get; set; }
    public int Top { get; set; }
    public double Threshold { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

public enum BatchStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

internal sealed class BatchJobConfiguration : IEntityTypeConfiguration<BatchJob>
{
    public void Configure(EntityTypeBuilder<BatchJob> job)
    {
        job.ToTable("batch_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Agency).HasMaxLength(40);
        job.Property(j => j.CreatedBy).HasMaxLength(100);
        job.Property(j => j.Roles).HasMaxLength(100);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.Error).HasMaxLength(1000);
        job.HasIndex(j => new { j.Status, j.CreatedAt });
    }
}

/// <summary>A job as its agency sees it; its results are read for a purpose (<c>X-Purpose</c>), by default the one it ran for.</summary>
public sealed record BatchJobView(Guid Id, BatchStatus Status, Purposes Purpose, int Total, int Done, int WithCandidates, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? ResultsUrl)
{
    public static BatchJobView Of(BatchJob j) => new(j.Id, j.Status, j.Purpose, j.Total, j.Done, j.WithCandidates, j.Error, j.CreatedAt, j.StartedAt, j.FinishedAt,
        j.Status == BatchStatus.Done ? $"/api/v1/screen/batch/{j.Id}/results" : null);
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Perimeter.Features.Access;
using Perimeter.Matching.Screening;

namespace Perimeter.Features.Screening;

/// <summary>A subject an agency wants watched (its own case subjects, applicants): re-screened whenever an alert changes.</summary>
public sealed class StandingSubject
{
    public Guid Id { get; set; }
    public required string Agency { get; set; }
    /// <summary>The agency's own reference: a case number, an application id.</summary>
    public required string Reference { get; set; }
    /// <summary>The subject as a <see cref="ScreenRequest"/> in JSON.</summary>
    public required string RequestJson { get; set; }
    public Purposes Purpose { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
}

/// <summary>A match raised for a standing subject when an alert was added or changed.</summary>
public sealed class StandingMatch
{
    public Guid Id { get; set; }
    public Guid StandingSubjectId { get; set; }
    public required string Agency { get; set; }
    public Guid AlertId { get; set; }
    public int AlertVersion { get; set; }
    public required string AlertSubjectHash { get; set; }
    public double Score { get; set; }
    public Band Band { get; set; }
    public required string Explanation { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>How far a background job has read the alert change feed.</summary>
public sealed class JobCursor
{
    public required string Job { get; set; }
    public long Sequence { get; set; }
}

internal sealed class StandingSubjectConfiguration : IEntityTypeConfiguration<StandingSubject>, IEntityTypeConfiguration<StandingMatch>, IEntityTypeConfiguration<JobCursor>
{
    public void Configure(EntityTypeBuilder<StandingSubject> subject)
    {
        subject.ToTable("standing_subjects");
        subject.HasKey(s => s.Id);
        subject.Property(s => s.Agency).HasMaxLength(40);
        subject.Property(s => s.Reference).HasMaxLength(200);
        subject.Property(s => s.CreatedBy).HasMaxLength(100);
        subject.HasIndex(s => new { s.Agency, s.RetiredAt });
    }

    public void Configure(EntityTypeBuilder<StandingMatch> match)
    {
        match.ToTable("standing_matches");
        match.HasKey(m => m.Id);
        match.Property(m => m.Agency).HasMaxLength(40);
        match.Property(m => m.AlertSubjectHash).HasMaxLength(64);
        match.Property(m => m.Band).HasConversion<string>().HasMaxLength(20);
        match.Property(m => m.Explanation).HasMaxLength(2000);
        match.HasIndex(m => new { m.StandingSubjectId, m.AlertId });
        match.HasIndex(m => new { m.Agency, m.At });
    }

    public void Configure(EntityTypeBuilder<JobCursor> cursor)
    {
        cursor.ToTable("job_cursors");
        cursor.HasKey(c => c.Job);
        cursor.Property(c => c.Job).HasMaxLength(40);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Screening;

/// <summary>
/// An officer's or analyst's decision on one subject–alert pair. While neither the subject nor the
/// alert's screened content changes, the pair is shown as decided instead of alerting again.
/// </summary>
public sealed class ScreeningDecision
{
    public Guid Id { get; set; }
    public required string Agency { get; set; }
    /// <summary>SHA-256 of the screened subject's normalised fields: the same traveller gives the same key.</summary>
    public required string SubjectKey { get; set; }
    public Guid AlertId { get; set; }
    /// <summary>SHA-256 of the alert's subject when decided: a change to names, dates or documents reopens the pair.</summary>
    public required string AlertSubjectHash { get; set; }
    public int AlertVersion { get; set; }
    public DecisionOutcome Outcome { get; set; }
    public required string Reason { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum DecisionOutcome
{
    /// <summary>The same person or object: a confirmed hit.</summary>
    Confirmed,
    /// <summary>Not the same: a false positive, not raised again for this pair.</summary>
    FalsePositive,
    /// <summary>Passed to an analyst or supervisor; raised again until someone decides.</summary>
    Escalated,
}

internal sealed class ScreeningDecisionConfiguration : IEntityTypeConfiguration<ScreeningDecision>
{
    public void Configure(EntityTypeBuilder<ScreeningDecision> decision)
    {
        decision.ToTable("screening_decisions");
        decision.HasKey(d => d.Id);
        decision.Property(d => d.Agency).HasMaxLength(40);
        decision.Property(d => d.SubjectKey).HasMaxLength(64);
        decision.Property(d => d.AlertSubjectHash).HasMaxLength(64);
        decision.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        decision.Property(d => d.Reason).HasMaxLength(1000);
        decision.Property(d => d.DecidedBy).HasMaxLength(100);
        decision.HasIndex(d => new { d.Agency, d.SubjectKey, d.AlertId });
    }
}

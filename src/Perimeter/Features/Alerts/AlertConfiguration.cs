using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Alerts;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>, IEntityTypeConfiguration<AlertVersion>, IEntityTypeConfiguration<AlertChange>
{
    public void Configure(EntityTypeBuilder<Alert> alert)
    {
        alert.ToTable("alerts");
        alert.HasKey(a => a.Id);
        alert.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        alert.Property(a => a.Category).HasConversion<string>().HasMaxLength(40);
        alert.Property(a => a.ActionOnHit).HasConversion<string>().HasMaxLength(40);
        alert.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        alert.Property(a => a.Tlp).HasConversion<string>().HasMaxLength(20);
        alert.Property(a => a.Handling).HasConversion<string>().HasMaxLength(40);
        alert.Property(a => a.SourceReliability).HasConversion<string>().HasMaxLength(1);
        alert.Property(a => a.InformationCredibility).HasConversion<string>().HasMaxLength(20);
        alert.Property(a => a.Originator).HasMaxLength(40);
        alert.Property(a => a.ExternalRef).HasMaxLength(200);
        alert.Property(a => a.ReleasabilityKey).HasMaxLength(4000);
        alert.Property(a => a.DisplayName).HasMaxLength(300);
        alert.Property(a => a.CreatedBy).HasMaxLength(100);
        alert.Property(a => a.UpdatedBy).HasMaxLength(100);
        // The version is the optimistic-concurrency token: two editors cannot both make version n+1.
        alert.Property(a => a.Version).IsConcurrencyToken();
        alert.Ignore(a => a.Markings);
        alert.HasIndex(a => new { a.Originator, a.ExternalRef }).IsUnique();
        alert.HasIndex(a => new { a.Status, a.ReviewBy });
        alert.HasIndex(a => new { a.Kind, a.Category });
        alert.HasIndex(a => a.UpdatedAt);
    }

    public void Configure(EntityTypeBuilder<AlertVersion> version)
    {
        version.ToTable("alert_versions");
        version.HasKey(v => new { v.AlertId, v.Version });
        version.Property(v => v.Change).HasConversion<string>().HasMaxLength(20);
        version.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        version.Property(v => v.By).HasMaxLength(100);
        version.Property(v => v.Justification).HasMaxLength(2000);
        version.HasOne<Alert>().WithMany().HasForeignKey(v => v.AlertId);
    }

    public void Configure(EntityTypeBuilder<AlertChange> change)
    {
        change.ToTable("alert_changes");
        change.HasKey(c => c.Sequence);
        change.Property(c => c.Sequence).ValueGeneratedOnAdd();
        change.Property(c => c.Change).HasConversion<string>().HasMaxLength(20);
        change.HasIndex(c => c.AlertId);
    }
}

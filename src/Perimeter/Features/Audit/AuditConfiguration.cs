using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> record)
    {
        record.ToTable("audit_records");
        record.HasKey(r => r.Sequence);
        // The log assigns sequences itself, under the chain lock, so order is the chain's order.
        record.Property(r => r.Sequence).ValueGeneratedNever();
        record.Property(r => r.ActorKind).HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.Action).HasConversion<string>().HasMaxLength(40);
        record.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(20);
        record.Property(r => r.ActorId).HasMaxLength(100);
        record.Property(r => r.Agency).HasMaxLength(40);
        record.Property(r => r.Roles).HasMaxLength(100);
        record.Property(r => r.Purpose).HasMaxLength(200);
        record.Property(r => r.Target).HasMaxLength(40);
        record.Property(r => r.RemoteAddress).HasMaxLength(64);
        record.Property(r => r.Detail).HasMaxLength(500);
        record.Property(r => r.PreviousHash).HasMaxLength(64);
        record.Property(r => r.Hash).HasMaxLength(64);
        record.HasIndex(r => r.At);
        record.HasIndex(r => new { r.ActorId, r.Sequence });
        record.HasIndex(r => new { r.Action, r.Sequence });
    }
}

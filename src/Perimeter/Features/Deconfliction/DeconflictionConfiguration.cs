using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Deconfliction;

internal sealed class DeconflictionTargetConfiguration : IEntityTypeConfiguration<DeconflictionTarget>
{
    public void Configure(EntityTypeBuilder<DeconflictionTarget> target)
    {
        target.ToTable("deconfliction_targets");
        target.HasKey(t => t.Id);
        target.Property(t => t.Agency).HasMaxLength(40);
        target.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        target.Property(t => t.Key).HasMaxLength(300);
        target.Property(t => t.GivenNames).HasMaxLength(200);
        target.Property(t => t.Surnames).HasMaxLength(200);
        target.Property(t => t.Operation).HasMaxLength(200);
        target.Property(t => t.Contact).HasMaxLength(200);
        target.Property(t => t.RegisteredBy).HasMaxLength(100);
        // Every registration looks up the same kind and key, or for a person the same date of birth.
        target.HasIndex(t => new { t.Kind, t.Key });
        target.HasIndex(t => new { t.Kind, t.DateOfBirth });
        target.HasIndex(t => t.Agency);
    }
}

internal sealed class DeconflictionEventConfiguration : IEntityTypeConfiguration<DeconflictionEvent>
{
    public void Configure(EntityTypeBuilder<DeconflictionEvent> operationEvent)
    {
        operationEvent.ToTable("deconfliction_events");
        operationEvent.HasKey(e => e.Id);
        operationEvent.Property(e => e.Agency).HasMaxLength(40);
        operationEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        operationEvent.Property(e => e.Operation).HasMaxLength(200);
        operationEvent.Property(e => e.Contact).HasMaxLength(200);
        operationEvent.Property(e => e.RegisteredBy).HasMaxLength(100);
        operationEvent.HasIndex(e => e.EndsAt);
    }
}

internal sealed class DeconflictionConflictConfiguration : IEntityTypeConfiguration<DeconflictionConflict>
{
    public void Configure(EntityTypeBuilder<DeconflictionConflict> conflict)
    {
        conflict.ToTable("deconfliction_conflicts");
        conflict.HasKey(c => c.Id);
        conflict.Property(c => c.Subject).HasMaxLength(20);
        conflict.Property(c => c.FirstAgency).HasMaxLength(40);
        conflict.Property(c => c.SecondAgency).HasMaxLength(40);
        conflict.Property(c => c.RemoteContact).HasMaxLength(200);
        conflict.HasIndex(c => c.FirstAgency);
        conflict.HasIndex(c => c.SecondAgency);
    }
}

internal sealed class DeconflictionKeyConfiguration : IEntityTypeConfiguration<DeconflictionKey>
{
    public void Configure(EntityTypeBuilder<DeconflictionKey> key)
    {
        key.ToTable("deconfliction_keys");
        key.HasKey(k => k.Id);
        key.Property(k => k.Partner).HasMaxLength(40);
        key.Property(k => k.KeyId).HasMaxLength(60);
        key.Property(k => k.ProtectedSecret).HasMaxLength(1000);
        key.HasIndex(k => new { k.Partner, k.KeyId }).IsUnique();
    }
}

internal sealed class DeconflictionTokenConfiguration : IEntityTypeConfiguration<DeconflictionToken>
{
    public void Configure(EntityTypeBuilder<DeconflictionToken> token)
    {
        token.ToTable("deconfliction_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Token).HasMaxLength(64);
        token.HasIndex(t => new { t.KeyId, t.Token });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Perimeter.Features.Access;

namespace Perimeter.Features.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> record)
    {
        record.ToTable("audit_records");
        record.HasKey(r => r.Sequence);
        // The log assigns sequences itself, under the chain lock, so order is the chain's order.
        record.Property(r => r.Sequence).ValueGeneratedNever();
        record.Property(r => r.ActorKind).HasConversion(ExactName<ActorKind>()).HasMaxLength(20);
        record.Property(r => r.Action).HasConversion(ExactName<AuditAction>()).HasMaxLength(40);
        record.Property(r => r.Outcome).HasConversion(ExactName<AuditOutcome>()).HasMaxLength(20);
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

    // Only a member's exact name reads as that member. EF's own conversion reads other spellings ("system", "4") as
    // one, which the hash cannot tell from the name, and fails the whole read on a word no member has. Either way an
    // edit went unnamed; read as no member instead, the record no longer matches its hash and verify names it.
    private static ValueConverter<TEnum, string> ExactName<TEnum>() where TEnum : struct, Enum =>
        new(value => value.ToString(), text => ReadExactly<TEnum>(text));

    private static TEnum ReadExactly<TEnum>(string text) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<TEnum>(text) : (TEnum)Enum.ToObject(typeof(TEnum), -1);
}

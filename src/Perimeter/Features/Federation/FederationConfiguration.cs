using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Federation;

internal sealed class FederationConfiguration :
    IEntityTypeConfiguration<Partner>, IEntityTypeConfiguration<Agreement>, IEntityTypeConfiguration<OutboxMessage>,
    IEntityTypeConfiguration<PartnerCopy>, IEntityTypeConfiguration<ReceivedCopy>, IEntityTypeConfiguration<RelayCursor>,
    IEntityTypeConfiguration<PartnerHit>, IEntityTypeConfiguration<RequestForDetails>, IEntityTypeConfiguration<HitReport>
{
    public void Configure(EntityTypeBuilder<HitReport> report)
    {
        report.ToTable("hit_reports");
        report.HasKey(r => r.DecisionId);
        report.Property(r => r.DecisionId).ValueGeneratedNever();
        report.Property(r => r.Originator).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<PartnerHit> hit)
    {
        hit.ToTable("partner_hits");
        hit.HasKey(h => h.Reference);
        hit.Property(h => h.Asker).HasMaxLength(40);
        hit.Property(h => h.Band).HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<RequestForDetails> request)
    {
        request.ToTable("requests_for_details");
        request.HasKey(r => r.Id);
        request.Property(r => r.Direction).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Urgency).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        request.Property(r => r.Partner).HasMaxLength(40);
        request.Property(r => r.Justification).HasMaxLength(2000);
        request.Property(r => r.RequestedBy).HasMaxLength(100);
        request.Property(r => r.FirstApprover).HasMaxLength(100);
        request.Property(r => r.SecondApprover).HasMaxLength(100);
        request.Property(r => r.DenialReason).HasMaxLength(2000);
        request.HasIndex(r => new { r.Status, r.DueAt });
    }

    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.ToTable("partners");
        partner.HasKey(p => p.Agency);
        partner.Property(p => p.Agency).HasMaxLength(40);
        partner.Property(p => p.Url).HasMaxLength(500);
        partner.Property(p => p.CertificateSha256).HasMaxLength(64);
        partner.Property(p => p.LastError).HasMaxLength(500);
        partner.HasIndex(p => p.CertificateSha256).IsUnique();
    }

    public void Configure(EntityTypeBuilder<Agreement> agreement)
    {
        agreement.ToTable("agreements");
        agreement.HasKey(a => a.Id);
        agreement.Property(a => a.Partner).HasMaxLength(40);
        agreement.Property(a => a.Mode).HasConversion<string>().HasMaxLength(20);
        agreement.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        agreement.Property(a => a.HighestTlp).HasConversion<string>().HasMaxLength(20);
        agreement.Property(a => a.KindsKey).HasMaxLength(200);
        agreement.Property(a => a.CategoriesKey).HasMaxLength(1000);
        agreement.Property(a => a.CreatedBy).HasMaxLength(100);
        agreement.HasIndex(a => a.Partner);
    }

    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("outbox_messages");
        message.HasKey(m => m.Sequence);
        message.Property(m => m.Sequence).ValueGeneratedOnAdd();
        message.Property(m => m.Partner).HasMaxLength(40);
        message.Property(m => m.Type).HasMaxLength(40);
        message.Property(m => m.Signer).HasMaxLength(40);
        message.Property(m => m.LastError).HasMaxLength(500);
        message.HasIndex(m => m.MessageId).IsUnique();
        message.HasIndex(m => new { m.Partner, m.DeliveredAt, m.RefusedAt, m.Sequence });
    }

    public void Configure(EntityTypeBuilder<PartnerCopy> copy)
    {
        copy.ToTable("partner_copies");
        copy.HasKey(c => new { c.Partner, c.AlertId });
        copy.Property(c => c.Partner).HasMaxLength(40);
        copy.Property(c => c.HeldStatus).HasMaxLength(20);
        copy.HasIndex(c => c.AlertId);
    }

    public void Configure(EntityTypeBuilder<ReceivedCopy> copy)
    {
        copy.ToTable("received_copies");
        copy.HasKey(c => c.AlertId);
        copy.Property(c => c.Originator).HasMaxLength(40);
        copy.Property(c => c.ReceivedFrom).HasMaxLength(40);
        copy.HasIndex(c => c.RetainUntil);
    }

    public void Configure(EntityTypeBuilder<RelayCursor> cursor)
    {
        cursor.ToTable("relay_cursor");
        cursor.HasKey(c => c.Id);
        cursor.Property(c => c.Id).ValueGeneratedNever();
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Retention;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.ToTable("notifications");
        notification.HasKey(n => n.Id);
        notification.Property(n => n.Agency).HasMaxLength(40);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        notification.HasIndex(n => new { n.Agency, n.DismissedAt });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Agencies;

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> agency)
    {
        agency.ToTable("agencies");
        agency.HasKey(a => a.Id);
        agency.Property(a => a.Id).HasMaxLength(40);
        agency.Property(a => a.Country).HasMaxLength(2);
        agency.Property(a => a.Name).HasMaxLength(200);
        agency.Property(a => a.NodeUrl).HasMaxLength(500);
    }
}

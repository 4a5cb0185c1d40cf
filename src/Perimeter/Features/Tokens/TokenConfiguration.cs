using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Perimeter.Features.Tokens;

internal sealed class TokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> token)
    {
        token.ToTable("api_tokens");
        token.HasKey(t => t.Id);
        token.Property(t => t.Name).HasMaxLength(200);
        token.Property(t => t.Agency).HasMaxLength(40);
        token.Property(t => t.Role).HasConversion<string>().HasMaxLength(20);
        token.Property(t => t.SecretHash).HasMaxLength(64);
        token.Property(t => t.CreatedBy).HasMaxLength(100);
    }
}

using Perimeter.Features.Access;

namespace Perimeter.Features.Tokens;

/// <summary>A bearer token for a system such as a port's lane software, scoped to one agency and one role.</summary>
public sealed class ApiToken
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Agency { get; set; }
    public Role Role { get; set; }
    /// <summary>SHA-256 of the secret; the secret itself is shown once and never stored.</summary>
    public required string SecretHash { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}

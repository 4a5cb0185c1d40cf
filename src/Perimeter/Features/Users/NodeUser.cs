using Microsoft.AspNetCore.Identity;

namespace Perimeter.Features.Users;

/// <summary>A local account: belongs to one agency, holds roles through Identity.</summary>
public sealed class NodeUser : IdentityUser<Guid>
{
    public required string Agency { get; set; }
    public string? DisplayName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DisabledAt { get; set; }

    public bool IsDisabled => DisabledAt is not null;
}

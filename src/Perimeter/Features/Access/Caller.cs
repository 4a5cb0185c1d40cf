using System.Security.Claims;

namespace Perimeter.Features.Access;

/// <summary>Who is asking, for which agency, in which roles, for what purpose, from where.</summary>
public sealed record Caller
{
    public const string AgencyClaim = "perimeter:agency";
    public const string ActorKindClaim = "perimeter:actor-kind";
    public const string PurposeHeader = "X-Purpose";

    public required ActorKind Kind { get; init; }
    /// <summary>User id, token id, or the operating-system user for the CLI.</summary>
    public required string ActorId { get; init; }
    public string? ActorName { get; init; }
    public required string Agency { get; init; }
    public IReadOnlySet<Role> Roles { get; init; } = new HashSet<Role>();
    /// <summary>The single purpose the request names; <see cref="Purposes.None"/> when it names none.</summary>
    public Purposes Purpose { get; init; }
    public string? RemoteAddress { get; init; }

    /// <summary>ISO 3166 alpha-2 country of the agency, which is the first part of its id: <c>mx.inm</c> → <c>MX</c>.</summary>
    public string Country => AgencyId.CountryOf(Agency);

    public bool Has(Role role) => Roles.Contains(role);

    public bool IsAuthenticated => Kind is not ActorKind.Anonymous;

    public static Caller Anonymous(string? remoteAddress) =>
        new() { Kind = ActorKind.Anonymous, ActorId = "anonymous", Agency = "", RemoteAddress = remoteAddress };

    /// <summary>The node's operator at the command line: acts for the node's own agency.</summary>
    public static Caller Operator(string agency) => new()
    {
        Kind = ActorKind.Operator,
        ActorId = $"cli:{Environment.UserName}",
        ActorName = Environment.UserName,
        Agency = agency,
        Roles = new HashSet<Role> { Role.Admin, Role.Analyst },
        RemoteAddress = "local",
    };

    /// <summary>The node itself, for background work such as expiry.</summary>
    public static Caller System(string agency) => new()
    {
        Kind = ActorKind.System,
        ActorId = "system",
        Agency = agency,
        RemoteAddress = "local",
    };

    public static Caller From(ClaimsPrincipal principal, string? purposeText, string? remoteAddress)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(AgencyClaim) is not { } agency)
            return Anonymous(remoteAddress);
        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => Access.Roles.TryParse(c.Value, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
        return new Caller
        {
            Kind = Enum.TryParse<ActorKind>(principal.FindFirstValue(ActorKindClaim), out var kind) ? kind : ActorKind.User,
            ActorId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown",
            ActorName = principal.FindFirstValue(ClaimTypes.Name),
            Agency = agency,
            Roles = roles,
            Purpose = MarkingText.TryParsePurpose(purposeText, out var purpose) ? purpose : Purposes.None,
            RemoteAddress = remoteAddress,
        };
    }

    public Caller WithPurpose(Purposes purpose) => this with { Purpose = purpose };
}

public enum ActorKind
{
    Anonymous,
    User,
    Token,
    Operator,
    System,
    Partner,
}

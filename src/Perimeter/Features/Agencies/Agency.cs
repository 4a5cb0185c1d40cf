namespace Perimeter.Features.Agencies;

/// <summary>An organisation with a node: this node's own agency or a partner's.</summary>
public sealed class Agency
{
    /// <summary><c>country.name</c>, such as <c>us.cbp</c>.</summary>
    public required string Id { get; set; }
    /// <summary>ISO 3166 alpha-2, the first part of the id.</summary>
    public required string Country { get; set; }
    public required string Name { get; set; }
    public string? NodeUrl { get; set; }
    /// <summary>PEM of the node certificate, pinned when the partner is added.</summary>
    public string? Certificate { get; set; }
    public bool IsThisNode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

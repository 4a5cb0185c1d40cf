using System.Text.Json;
using Perimeter.Features.Access;

namespace Perimeter.Features.Alerts;

/// <summary>An alert as the API shows it to someone allowed to see it.</summary>
public sealed record AlertView
{
    public required Guid Id { get; init; }
    public required AlertKind Kind { get; init; }
    public required AlertCategory Category { get; init; }
    public required ActionOnHit ActionOnHit { get; init; }
    public required string Originator { get; init; }
    public required int Version { get; init; }
    public required AlertStatus Status { get; init; }
    public required bool IsPartnerCopy { get; init; }
    public string? ExternalRef { get; init; }
    public required Markings Markings { get; init; }
    public string? Narrative { get; init; }
    /// <summary>Null once the alert's personal data has been purged.</summary>
    public AlertSubject? Subject { get; init; }
    public string? DisplayName { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    public static AlertView Of(Alert alert) => new()
    {
        Id = alert.Id,
        Kind = alert.Kind,
        Category = alert.Category,
        ActionOnHit = alert.ActionOnHit,
        Originator = alert.Originator,
        Version = alert.Version,
        Status = alert.Status,
        IsPartnerCopy = alert.IsPartnerCopy,
        ExternalRef = alert.ExternalRef,
        Markings = alert.Markings,
        Narrative = alert.Narrative,
        Subject = alert.SubjectJson is null ? null : JsonSerializer.Deserialize<AlertSubject>(alert.SubjectJson, PerimeterJson.Options),
        DisplayName = alert.DisplayName,
        CreatedAt = alert.CreatedAt,
        UpdatedAt = alert.UpdatedAt,
    };
}

/// <summary>One line of an alert list.</summary>
public sealed record AlertSummary(
    Guid Id,
    AlertKind Kind,
    AlertCategory Category,
    string? DisplayName,
    string Originator,
    int Version,
    AlertStatus Status,
    Tlp Tlp,
    DateOnly ReviewBy,
    bool IsPartnerCopy,
    DateTimeOffset UpdatedAt);

public sealed record AlertVersionView(
    int Version,
    AlertChangeKind Change,
    AlertStatus Status,
    string? Justification,
    DateTimeOffset At,
    string By,
    AlertContent? Content);

namespace Perimeter.Features.Retention;

/// <summary>A message to an agency's analysts, such as an alert nearing its review-by date.</summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public required string Agency { get; set; }
    public NotificationKind Kind { get; set; }
    public Guid AlertId { get; set; }
    public DateOnly DueOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
}

public enum NotificationKind
{
    ReviewDue,
    Expired,
    /// <summary>A standing subject matched a new or changed alert.</summary>
    StandingMatch,
    /// <summary>A partner confirmed a hit on one of the agency's alerts.</summary>
    HitReported,
}

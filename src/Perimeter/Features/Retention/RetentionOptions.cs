using System.ComponentModel.DataAnnotations;

namespace Perimeter.Features.Retention;

public sealed class RetentionOptions
{
    public const string Section = "Node:Retention";

    /// <summary>How far ahead of the review-by date the originating analysts are warned (SIS: four months).</summary>
    [Range(1, 730)]
    public int WarnDaysAhead { get; set; } = 120;

    /// <summary>Days an expired alert keeps its personal data before it is deleted.</summary>
    [Range(0, 3650)]
    public int GraceDays { get; set; } = 90;

    [Range(1, 1440)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Alerts handled per transaction, so a large backlog never holds the database for long.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 500;
}

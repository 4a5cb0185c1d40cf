using System.ComponentModel.DataAnnotations;

namespace Perimeter.Features.Alerts;

/// <summary>Review periods, as the Schengen Information System sets them per alert category.</summary>
public sealed class AlertOptions
{
    public const string Section = "Node:Alerts";

    /// <summary>Months from publication or extension to the review-by date, by category; others use the default.</summary>
    public Dictionary<AlertCategory, int> ReviewMonths { get; set; } = new()
    {
        [AlertCategory.WantedForArrest] = 36,
        [AlertCategory.MissingPerson] = 36,
        [AlertCategory.TraffickingVictim] = 36,
        [AlertCategory.DiscreetCheck] = 12,
        [AlertCategory.KnownSmuggler] = 12,
        [AlertCategory.TerrorismWatch] = 12,
        [AlertCategory.Sanctioned] = 12,
        [AlertCategory.StolenVehicle] = 60,
        [AlertCategory.StolenFirearm] = 60,
        [AlertCategory.LostOrStolenDocument] = 60,
    };

    [Range(1, 120)]
    public int DefaultReviewMonths { get; set; } = 12;

    /// <summary>No review-by date may be set further ahead than this.</summary>
    [Range(1, 120)]
    public int MaxReviewMonths { get; set; } = 60;

    public int ReviewMonthsFor(AlertCategory category) =>
        ReviewMonths.TryGetValue(category, out var months) ? months : DefaultReviewMonths;
}

using Microsoft.Extensions.Localization;
using Perimeter.Features.Access;
using Perimeter.Features.Alerts;
using Perimeter.Features.Federation;

namespace Perimeter.Components.Pages;

/// <summary>The Partners page's new-agreement fields as the browser posts them, turned into a <see cref="NewAgreement"/>.</summary>
public sealed class AgreementForm
{
    public string? Partner { get; set; }
    public AgreementMode Mode { get; set; } = AgreementMode.Query;
    /// <summary>Alert kinds in the API's words (<c>person, vehicle</c>), or <c>*</c>.</summary>
    public string? Kinds { get; set; }
    public string? Categories { get; set; }
    public Tlp HighestTlp { get; set; } = Tlp.Amber;
    public int RetentionDays { get; set; } = 365;
    public int UrgentHours { get; set; } = 1;
    public int RoutineHours { get; set; } = 12;
    public DateOnly? ValidUntil { get; set; }
    public bool HitReporting { get; set; }

    /// <summary>The request as the API would receive it; <see cref="AgreementService.AddAsync"/> validates it the same way.</summary>
    public NewAgreement ToRequest(IEnumerable<string?> purposes)
    {
        var chosen = Purposes.None;
        foreach (var word in purposes)
            chosen |= MarkingText.TryParsePurpose(word, out var one) ? one : Purposes.None;
        return new NewAgreement
        {
            Partner = Partner?.Trim() ?? "",
            Mode = Mode,
            Kinds = Words(Kinds),
            Categories = Words(Categories),
            Purposes = chosen,
            HighestTlp = HighestTlp,
            RetentionDays = RetentionDays,
            UrgentHours = UrgentHours,
            RoutineHours = RoutineHours,
            ValidUntil = ValidUntil,
            HitReporting = HitReporting,
        };
    }

    private static string[] Words(string? text) =>
        (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>An agreement's kinds and categories in the reader's language: <c>*</c> reads "all kinds".</summary>
public static class AgreementText
{
    public static string Kinds(IStringLocalizer<Ui> l, IReadOnlyList<string> kinds) => Join<AlertKind>(l, kinds, "AllKinds");

    public static string Categories(IStringLocalizer<Ui> l, IReadOnlyList<string> categories) => Join<AlertCategory>(l, categories, "AllCategories");

    private static string Join<TEnum>(IStringLocalizer<Ui> l, IReadOnlyList<string> words, string allKey) where TEnum : struct, Enum =>
        words.Contains(Agreement.Any, StringComparer.Ordinal)
            ? l[allKey]
            : string.Join(", ", words.Select(w => MarkingText.TryParse<TEnum>(w, out var value) ? l.Of(value) : w));
}

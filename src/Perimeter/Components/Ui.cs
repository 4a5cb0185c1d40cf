using Microsoft.Extensions.Localization;

namespace Perimeter.Components;

/// <summary>The console's strings: <c>Ui.resx</c> (English) and <c>Ui.es.resx</c> (Spanish), read through <see cref="IStringLocalizer{Ui}"/>.</summary>
public sealed class Ui;

/// <summary>Names of enum values as the console shows them: the key is <c>Type.Value</c>, as in <c>Tlp.AmberStrict</c>.</summary>
public static class UiLabels
{
    public static string Of<TEnum>(this IStringLocalizer<Ui> localizer, TEnum value) where TEnum : struct, Enum =>
        localizer[$"{typeof(TEnum).Name}.{value}"];

    /// <summary>Each purpose set in <paramref name="purposes"/>, by name, joined with commas.</summary>
    public static string OfPurposes(this IStringLocalizer<Ui> localizer, Features.Access.Purposes purposes) =>
        string.Join(", ", Enum.GetValues<Features.Access.Purposes>()
            .Where(p => p != Features.Access.Purposes.None && purposes.HasFlag(p))
            .Select(p => localizer.Of(p)));
}

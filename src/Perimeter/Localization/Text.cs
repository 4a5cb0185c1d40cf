using System.Globalization;
using System.Resources;

namespace Perimeter.Localization;

/// <summary>User-facing messages in the current UI culture (English or Spanish), from <c>Messages.resx</c>.</summary>
public static class Text
{
    private static readonly ResourceManager Resources = new("Perimeter.Localization.Messages", typeof(Text).Assembly);

    public static readonly CultureInfo[] Supported = [new("en"), new("es")];

    public static string Get(string key) => Find(key) ?? key;

    /// <summary>The message, or null where there is none: for texts keyed by words another component writes.</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, Get(key), args);
}

using Perimeter.Features.Access;

namespace Perimeter.Components;

/// <summary>
/// The purpose an officer last named, kept in a browser cookie so that the next page starts from it. It is only a
/// starting value: every read still names its purpose, shown on the page, and the officer changes it there.
/// </summary>
public static class PurposeMemory
{
    private const string CookieName = "perimeter-purpose";

    public static Purposes Recall(HttpContext? context) =>
        MarkingText.TryParsePurpose(context?.Request.Cookies[CookieName], out var purpose) ? purpose : Purposes.None;

    public static void Remember(HttpContext? context, Purposes purpose)
    {
        if (context is null || purpose == Purposes.None || context.Response.HasStarted)
            return;
        context.Response.Cookies.Append(CookieName, MarkingText.Of<Purposes>(purpose),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(30), IsEssential = true });
    }
}

using Microsoft.AspNetCore.Localization;
using Perimeter.Localization;

namespace Perimeter.Components;

/// <summary>
/// The web console: Blazor pages rendered on the server (static rendering with enhanced navigation and forms),
/// served by the node itself. Pages call the same services as the API, so the same access policy and audit apply.
/// </summary>
public static class ConsoleFeature
{
    public static IServiceCollection AddConsole(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<DashboardFigures>();
        return services;
    }

    /// <summary>Cultures the console offers: dates and numbers as in the United States or Mexico.</summary>
    public static readonly IReadOnlyList<string> Cultures = ["en-US", "es-MX"];

    public static RequestLocalizationOptions Localization()
    {
        // The neutral cultures stay supported: API clients send Accept-Language: es, and the console's
        // specific cultures find their strings through their neutral parents.
        var supported = Text.Supported.Concat(Cultures.Select(c => new System.Globalization.CultureInfo(c))).ToList();
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = supported,
            SupportedUICultures = supported,
        };
        // The culture cookie first (set by the switch), then the signed-in user's stored preference (a new browser),
        // then the browser's languages.
        options.RequestCultureProviders.Insert(2, new UserCultureProvider());
        return options;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapLanguageSwitch();
        app.MapBatchUpload();
        app.MapRazorComponents<App>();
        return app;
    }
}

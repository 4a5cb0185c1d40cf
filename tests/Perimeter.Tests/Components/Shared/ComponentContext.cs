using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Perimeter.Tests.Components.Shared;

/// <summary>A bUnit context with the console's localized strings, rendering in the culture it is given (en-US unless told).</summary>
public sealed class ComponentContext : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public ComponentContext(string culture = "en-US")
    {
        Bunit.Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
    }

    public BunitContext Bunit { get; } = new();

    public void Dispose()
    {
        Bunit.Dispose();
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}

using Microsoft.Playwright;
using Perimeter.Tests.Components;

namespace Perimeter.Tests.Features.Deconfliction;

/// <summary>The deconfliction page in Chromium: an analyst registers a target another agency of the node works and is told whom to call, in English and Spanish.</summary>
[Collection(ConsoleBrowser.Name)]
public sealed class DeconflictionPageTests(ConsoleFixture console) : BrowserTest(console)
{
    [Fact]
    public async Task An_analyst_registers_a_plate_another_agency_works_and_sees_whom_to_call_in_both_languages()
    {
        // The demo seeds the Mexican liaison's operation: this pickup, a phone and a surveillance in Ciudad Juárez.
        var page = await Fixture.SignInAsync("analyst");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Deconfliction" }).ClickAsync();
        await page.GetByLabel("Kind of target").SelectOptionAsync(new SelectOptionValue { Label = "Plate" });
        await page.GetByLabel("Number, plate or address").FillAsync("bjx 4471");
        await page.GetByLabel("Issuing state or country (plates, documents)").FillAsync("MX-CHH");
        await page.GetByLabel("Operation").First.FillAsync("Operation Dune Line");
        await page.GetByLabel("Contact on a conflict (duty officer, phone)").First.FillAsync("CBP El Paso watch +1 915 834 8350");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a target" }).ClickAsync();

        await Assertions.Expect(page.Locator("#registered")).ToContainTextAsync("Conflict with mx.inm — call INM Ciudad Juárez, oficial de guardia +52 656 629 3300");
        var row = page.Locator("#conflicts tbody tr").Filter(new() { HasText = "mx.inm" });
        await Assertions.Expect(row).ToContainTextAsync("Operation Dune Line");
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("Médanos");
        await Assertions.Expect(page.Locator("#registrations")).ToContainTextAsync("MX-CHH:BJX4471");
        await ConsoleFixture.ScreenshotAsync(page, nameof(An_analyst_registers_a_plate_another_agency_works_and_sees_whom_to_call_in_both_languages));

        // A planned event with an impossible radius is refused in words, and nothing is registered.
        await page.GetByLabel("Latitude").FillAsync("31.7587");
        await page.GetByLabel("Longitude").FillAsync("-106.4869");
        await page.GetByLabel("Radius (metres, 250 to 5,000)").FillAsync("50");
        await page.GetByLabel("Starts (UTC)").FillAsync("2026-12-20T08:00");
        await page.GetByLabel("Ends (UTC)").FillAsync("2026-12-20T12:00");
        await page.GetByLabel("Operation").Nth(1).FillAsync("Dune Line buy");
        await page.GetByLabel("Contact on a conflict (duty officer, phone)").Nth(1).FillAsync("CBP El Paso watch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register a planned event" }).ClickAsync();
        await Assertions.Expect(page.Locator("#deconfliction-errors")).ToContainTextAsync("Between 250 and 5000 metres.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Desconflicto");
        await Assertions.Expect(page.Locator("#conflicts caption")).ToHaveTextAsync("Conflictos");
        await Assertions.Expect(page.Locator("#conflicts tbody tr").Filter(new() { HasText = "mx.inm" })).ToContainTextAsync("Placa");
        await ConsoleFixture.ScreenshotAsync(page, nameof(An_analyst_registers_a_plate_another_agency_works_and_sees_whom_to_call_in_both_languages) + "-es");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        // Officers screen; they do not register operations.
        var officer = await Fixture.SignInAsync("officer");
        Assert.Equal(403, (await officer.GotoAsync("/deconfliction"))!.Status);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Perimeter.Features.Demo;
using Perimeter.Features.Screening;
using Perimeter.Storage;
using Perimeter.Tests.Features.Imports;
using Perimeter.Tests.Infrastructure;

namespace Perimeter.Tests.Components;

/// <summary>
/// One demo node (OFAC and synthetic alerts, a user for every role) and one headless Chromium, shared by every
/// browser test: seeding the demo takes most of a minute, a page a fraction of a second.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: <c>scripts/test</c> installs it when missing; Playwright's own download is never used.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private readonly List<IBrowserContext> _open = [];

    public TestNode Node { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public IReadOnlyDictionary<string, DemoUser> Users { get; private set; } = new Dictionary<string, DemoUser>();

    /// <summary>Where each test leaves its screenshot: beside the test assembly, in the test output.</summary>
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        Node = await TestNode.StartAsync(Database.Sqlite, ct, settings: new Dictionary<string, string?>
        {
            ["Node:Demo"] = "true",
            ["Node:DemoOfacDirectory"] = SharedData.Ofac,
            ["Node:Screening:BatchPollSeconds"] = "1",
        });
        await using (var scope = Node.Services.CreateAsyncScope())
        {
            var seed = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
            Users = seed.Users.ToDictionary(u => u.UserName, StringComparer.Ordinal);
            // A serving node builds its screening index once, at its first screening: do that here, not in a timed test.
            await scope.ServiceProvider.GetRequiredService<ScreeningIndex>()
                .EnsureCurrentAsync(scope.ServiceProvider.GetRequiredService<PerimeterDb>(), ct);
        }
        // The folder shows the last run only: a screenshot of a failure fixed since must not linger.
        if (Directory.Exists(Screenshots))
            Directory.Delete(Screenshots, recursive: true);
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root in a container has no user namespaces for Chromium's sandbox.
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), closed when the test ends; <paramref name="width"/> of a laptop by default.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Node.Address.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        _open.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>A fresh browser signed in as <paramref name="userName"/> through the sign-in page.</summary>
    public async Task<IPage> SignInAsync(string userName)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(Users[userName].Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        return page;
    }

    /// <summary>Saves the page as the test left it: <c>screenshots/&lt;test&gt;.png</c> under the test output.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Ends a test's browsers. A failed test leaves a screenshot of each page as it was, named after the test,
    /// so the failure can be seen as well as read.
    /// </summary>
    public async Task CloseBrowsersAsync()
    {
        var test = TestContext.Current.Test?.TestCase.TestMethod?.MethodName ?? "test";
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        var index = 0;
        foreach (var context in _open)
        {
            if (failed)
            {
                foreach (var page in context.Pages)
                    await ScreenshotAsync(page, $"FAILED-{test}-{index++}");
            }
            await context.CloseAsync();
        }
        _open.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Node is not null)
            await Node.DisposeAsync();
    }
}

/// <summary>A browser test: its browsers close when it ends, leaving a screenshot of each page if it failed.</summary>
public abstract class BrowserTest(ConsoleFixture fixture) : IAsyncLifetime
{
    protected ConsoleFixture Fixture { get; } = fixture;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <summary>Screens a name on the Screen page as an officer does, in English, and waits for the results.</summary>
    protected static async Task ScreenAsync(IPage page, string name, string purpose = "Sanctions")
    {
        await page.GotoAsync("/screen");
        await page.GetByLabel("Purpose").SelectOptionAsync(new SelectOptionValue { Label = purpose });
        await page.GetByLabel("Name to screen").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Screen", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#results")).ToBeVisibleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Fixture.CloseBrowsersAsync();
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleBrowser : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}

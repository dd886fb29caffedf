using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace UU.E2E;

/// <summary>The real app on Kestrel (127.0.0.1, a free port, a temporary SQLite file) and a headless Debian Chromium.</summary>
public sealed class SiteFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "uu-e2e", Guid.NewGuid().ToString("N"));
    private KestrelApp? _app;
    private IPlaywright? _playwright;

    public const string AdminEmail = "redaktor@uu-demo.se";
    public const string AdminPassword = "en lång lösenfras för testet";

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The running site's services, for putting in what a scraper would have found.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The site is not running.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataPath);
        _app = new KestrelApp(_dataPath);
        _app.UseKestrel(0);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        // The search index is built in the background at start; the browser tests search, so wait for it.
        using (var http = new HttpClient { BaseAddress = new Uri(BaseUrl) })
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await http.GetStringAsync("/api/search?q=demens")).Contains("\"total\":0", StringComparison.Ordinal))
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The search index was not built within 60 s.");
                }
                await Task.Delay(100);
            }
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("UU_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new() { Width = width, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page with the admin signed in to the office.</summary>
    public async Task<IPage> SignedInPageAsync(int width = 1280)
    {
        var page = await NewPageAsync(width);
        await page.GotoAsync("/office/logga-in");
        await page.GetByLabel("E-post").FillAsync(AdminEmail);
        await page.GetByLabel("Lösenord").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/office$"));
        return page;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Leaves a temporary folder behind at worst.
        }
    }

    private sealed class KestrelApp(string dataPath) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Storage:DataPath", dataPath);
            builder.UseSetting("Mail:Dispatch", "false");
            builder.UseSetting("Inquiries:RateLimitPerHour", "1000");
            // The browser tests sign in afresh for every office page, from one address, many times a minute.
            builder.UseSetting("RateLimits:SignInPerMinute", "1000");
            builder.UseSetting("Inquiries:CoordinatorEmails:0", "samordnare@uu-demo.se");
            builder.UseSetting("UU_ADMIN_EMAIL", AdminEmail);
            builder.UseSetting("UU_ADMIN_PASSWORD", AdminPassword);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SiteGroup : ICollectionFixture<SiteFixture>
{
    public const string Name = "site";
}

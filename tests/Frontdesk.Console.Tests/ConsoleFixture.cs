using Azure.Data.Tables;
using Frontdesk.DevHost;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Frontdesk.Console.Tests.ConsoleFixture))]

namespace Frontdesk.Console.Tests;

/// <summary>
/// One of everything for the whole browser suite: Azurite, a fake Graph API (with an access token set, so a reply
/// that escaped the console's outbox would land there), DevHost with the demo bakery, and one headless chromium.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string FunctionKey = "console_test_key";
    public const string AppSecret = "console_test_secret";
    public const string ChromiumPath = "/usr/bin/chromium";

    private WebApplication? _app;
    private IPlaywright? _playwright;

    public AzuriteServer Azurite { get; private set; } = null!;

    public FakeGraphServer Graph { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The address DevHost prints on start: every browser test opens the console through it.</summary>
    public string ConsoleUrl => DevHostApplication.ConsoleUrl(_app!) ?? throw new InvalidOperationException("DevHost gives no console address.");

    public async ValueTask InitializeAsync()
    {
        // Fail loudly, never skip: CI installs chromium with apt-get (see .ci/run).
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ChromiumPath}: run `apt-get update && apt-get install -y chromium` (.ci/run does).");
        }

        Azurite = await AzuriteServer.StartAsync();
        Graph = await FakeGraphServer.StartAsync();
        _app = await DevHostApplication.CreateAsync(
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?>
            {
                ["FrontdeskStorage"] = Azurite.ConnectionString,
                ["AzureWebJobsStorage"] = Azurite.ConnectionString,
                ["WhatsApp:AppSecret"] = AppSecret,
                ["WhatsApp:VerifyToken"] = "console_test_verify",
                ["WhatsApp:AccessToken"] = "console-test-access-token",
                ["WhatsApp:GraphBaseUrl"] = Graph.BaseUrl.ToString(),
                ["DevHost:FunctionKey"] = FunctionKey,

                // Rules a test adds are read at once instead of after the 30-second cache.
                ["Frontdesk:CacheSeconds"] = "0",
            });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>
    /// A fresh tab with its own session storage (a new test contact, as "New customer" gives), recording the page's
    /// console errors (a Content-Security-Policy violation shows up there) and any alert().
    /// </summary>
    public async Task<ConsoleTab> OpenConsoleAsync(ColorScheme colorScheme = ColorScheme.Light, int width = 1100, int height = 820, string? phoneNumberId = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = colorScheme,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "Europe/Paris",
        });
        var page = await context.NewPageAsync();
        var tab = new ConsoleTab(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                tab.Errors.Add(message.Text);
            }
        };
        page.Dialog += (_, dialog) =>
        {
            tab.Dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.GotoAsync(phoneNumberId is null ? ConsoleUrl : ConsoleUrl + "&phoneNumberId=" + phoneNumberId);
        return tab;
    }

    /// <summary>Adds (or replaces) a row of the Rules table under the <c>default</c> partition every number reads.</summary>
    public async Task AddRuleAsync(string name, IDictionary<string, object> columns)
    {
        var rules = new TableClient(Azurite.ConnectionString, StorageNames.Tables.Rules);
        var entity = new TableEntity("default", name);
        foreach (var (key, value) in columns)
        {
            entity[key] = value;
        }

        await rules.UpsertEntityAsync(entity, TableUpdateMode.Replace);
    }

    /// <summary>Adds (or replaces) a row of the Templates table under <c>default</c>, RowKey the purpose.</summary>
    public async Task AddTemplateAsync(string purpose, IDictionary<string, object> columns)
    {
        var templates = new TableClient(Azurite.ConnectionString, StorageNames.Tables.Templates);
        await templates.CreateIfNotExistsAsync();
        await templates.UpsertEntityAsync(new TableEntity(new Dictionary<string, object>(columns) { ["PartitionKey"] = "default", ["RowKey"] = purpose }), TableUpdateMode.Replace);
    }

    /// <summary>
    /// A second business number with the demo bakery's settings plus a Meta <c>CatalogId</c>, so catalogue answers
    /// are single- and multi-product messages drawn from the Catalogue table (the demo's, shared through <c>default</c>).
    /// </summary>
    public async Task<string> AddNumberWithCatalogAsync(string phoneNumberId, string catalogId)
    {
        var settings = new TableClient(Azurite.ConnectionString, StorageNames.Tables.Settings);
        var demo = (await settings.GetEntityAsync<TableEntity>("default", "business")).Value;
        var own = new TableEntity(phoneNumberId, "business");
        foreach (var (key, value) in demo.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")))
        {
            own[key] = value;
        }

        own["CatalogId"] = catalogId;
        await settings.UpsertEntityAsync(own, TableUpdateMode.Replace);
        return phoneNumberId;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (Graph is not null)
        {
            await Graph.DisposeAsync();
        }

        if (Azurite is not null)
        {
            await Azurite.DisposeAsync();
        }
    }
}

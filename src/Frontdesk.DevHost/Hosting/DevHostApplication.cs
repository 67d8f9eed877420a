using Frontdesk.Core.Telemetry;
using Frontdesk.DevHost.Azurite;
using Frontdesk.DevHost.Triggers;
using Frontdesk.Functions;
using Frontdesk.Storage;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Storage.Rules;
using Microsoft.Extensions.Configuration.Memory;

namespace Frontdesk.DevHost.Hosting;

/// <summary>
/// Builds the local host: settings like the Functions host, the app's own service registration, HTTP routes,
/// queue and timer pumps from <c>functions.metadata</c>, and Azurite when the development storage is asked for.
/// </summary>
public static partial class DevHostApplication
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <param name="args">Command-line arguments (e.g. <c>--urls</c>).</param>
    /// <param name="overrides">Settings that win over every other source (tests).</param>
    /// <param name="configureServices">Runs after the app's own registrations (tests swap the clock here).</param>
    public static async Task<WebApplication> CreateAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null,
        CancellationToken cancellationToken = default)
    {
        // The content root is DevHost's own folder, so its appsettings.json (log levels) applies from any working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var settingsFile = LocalSettings.Find(Directory.GetCurrentDirectory()) ?? LocalSettings.Find(AppContext.BaseDirectory);
        if (settingsFile is not null)
        {
            // Lowest priority: environment variables and the command line override local.settings.json, as in `func start`.
            builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = LocalSettings.Read(settingsFile) });
        }

        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory);
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        var enabled = catalog.Functions.Where(f => !IsDisabled(builder.Configuration, f.Definition.Name)).ToList();

        builder.Services.AddMvcCore();
        builder.Services.AddFrontdesk(builder.Configuration);
        builder.Services.AddSingleton<AzuriteLauncher>();
        configureServices?.Invoke(builder.Services);
        AddQueuePumps(builder, enabled, hostJson);
        foreach (var timer in enabled.Where(f => IsTrigger(f, "timerTrigger")))
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerPump>(sp, timer));
        }

        var app = builder.Build();
        foreach (var disabled in catalog.Functions.Except(enabled))
        {
            Log.Disabled(app.Logger, disabled.Definition.Name);
        }

        if (UsesDevelopmentStorage(app.Configuration, enabled))
        {
            await app.Services.GetRequiredService<AzuriteLauncher>().EnsureRunningAsync(Directory.GetCurrentDirectory(), cancellationToken).ConfigureAwait(false);
        }

        await StorageProvisioning.EnsureCreatedAsync(app.Services.GetRequiredService<StorageAccount>(), cancellationToken).ConfigureAwait(false);

        // A local run answers something from the first message: empty rule tables get a demo business (never overwritten).
        await app.Services.GetRequiredService<DemoBusinessSeeder>().SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        await SeedDemoCatalogueAsync(app, cancellationToken).ConfigureAwait(false);
        HttpTriggerEndpoints.Map(app, enabled, hostJson);
        return app;
    }

    /// <summary>The demo bakery's products, imported only while the default catalogue is empty (never overwriting).</summary>
    private static async Task SeedDemoCatalogueAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "demo-catalogue.csv");
        var store = app.Services.GetRequiredService<CatalogueStore>();
        if (!File.Exists(file) || (await store.ReadProductsAsync(CatalogueStore.DefaultPartition, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            return;
        }

        await using var csv = File.OpenRead(file);
        var result = await app.Services.GetRequiredService<CatalogueImporter>().ImportAsync(CatalogueStore.DefaultPartition, csv, defaultCurrency: null, cancellationToken).ConfigureAwait(false);
        Log.DemoCatalogue(app.Logger, result.Added);
    }

    private static void AddQueuePumps(WebApplicationBuilder builder, IReadOnlyList<FunctionEntry> functions, HostJson hostJson)
    {
        var encoding = string.Equals(hostJson.Extensions.Queues.MessageEncoding, "none", StringComparison.OrdinalIgnoreCase)
            ? Azure.Storage.Queues.QueueMessageEncoding.None
            : Azure.Storage.Queues.QueueMessageEncoding.Base64;
        foreach (var function in functions.Where(f => IsTrigger(f, "queueTrigger")))
        {
            var trigger = function.Definition.Trigger;
            builder.Services.AddSingleton<IHostedService>(sp =>
            {
                var account = StorageAccount.FromConfiguration(sp.GetRequiredService<IConfiguration>(), trigger.Connection ?? "AzureWebJobsStorage", encoding);
                var queueName = trigger.QueueName ?? throw new InvalidOperationException($"Function {function.Definition.Name} names no queue.");
                return ActivatorUtilities.CreateInstance<QueueTriggerPump>(
                    sp,
                    function,
                    account.Queues.GetQueueClient(queueName),
                    account.Queues.GetQueueClient(queueName + StorageNames.Queues.PoisonSuffix),
                    hostJson.Extensions.Queues);
            });
        }
    }

    private static bool IsTrigger(FunctionEntry function, string type) =>
        function.Definition.Trigger.Type.Equals(type, StringComparison.OrdinalIgnoreCase);

    /// <summary>The Functions host's switch: <c>AzureWebJobs.&lt;FunctionName&gt;.Disabled=true</c>.</summary>
    private static bool IsDisabled(IConfiguration configuration, string functionName) =>
        configuration[$"AzureWebJobs.{functionName}.Disabled"]?.Trim().ToUpperInvariant() is "TRUE" or "1";

    private static bool UsesDevelopmentStorage(IConfiguration configuration, IEnumerable<FunctionEntry> functions) =>
        functions.Select(f => f.Definition.Trigger.Connection).Append(StorageNames.Connection).Append("AzureWebJobsStorage")
            .Where(c => c is not null)
            .Any(c => StorageAccount.IsDevelopmentStorage(configuration, c!));

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.DevHostDemoCatalogueImported, LogLevel.Information, "Imported the demo catalogue ({Added} products) into the empty default catalogue")]
        public static partial void DemoCatalogue(ILogger logger, int added);

        [LoggerMessage(TelemetryEvents.DevHostFunctionDisabled, LogLevel.Information, "{Function}: disabled by AzureWebJobs.{Function}.Disabled")]
        public static partial void Disabled(ILogger logger, string function);
    }
}

using Frontdesk.Core.Telemetry;
using Frontdesk.DevHost.Azurite;
using Frontdesk.DevHost.Hosting;
using Frontdesk.DevHost.Triggers;
using Frontdesk.Functions;
using Frontdesk.Storage;
using Microsoft.Extensions.Configuration.Memory;

namespace Frontdesk.DevHost;

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
        // The content root is DevHost's own folder, so its appsettings.json (log levels) applies from any working
        // directory. DevHost is a development tool: it runs as Development unless the environment says otherwise.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = EnvironmentName(),
        });
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
        builder.Services.AddFrontdeskFunctions(builder.Configuration);
        builder.Services.AddSingleton<AzuriteLauncher>();
        builder.Services.AddSingleton<DemoData>();
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
            await app.Services.GetRequiredService<AzuriteLauncher>().EnsureRunningAsync(cancellationToken).ConfigureAwait(false);
        }

        await StorageProvisioning.EnsureCreatedAsync(app.Services.GetRequiredService<StorageAccount>(), cancellationToken).ConfigureAwait(false);

        // A local run answers something from the first message: a completely empty setup gets the demo bakery.
        await app.Services.GetRequiredService<DemoData>().SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false);
        HttpTriggerEndpoints.Map(app, enabled, hostJson);
        return app;
    }

    /// <summary>
    /// The phone console's address on the running host, with the local Function key as <c>code</c> when one is set
    /// (the page takes it from there once); null when the console is disabled or the host has no address.
    /// </summary>
    public static string? ConsoleUrl(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        if (address is null || IsDisabled(app.Configuration, "ConsolePage"))
        {
            return null;
        }

        var path = string.Join('/', new[] { hostJson.Extensions.Http.RoutePrefix, "manage/console" }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s.Trim('/')));
        var key = app.Configuration["DevHost:FunctionKey"];
        return $"{address.TrimEnd('/')}/{path}" + (string.IsNullOrEmpty(key) ? "" : "?code=" + Uri.EscapeDataString(key));
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

    /// <summary><c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c> when set, else Development.</summary>
    internal static string EnvironmentName() =>
        new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT" }.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
        ?? Environments.Development;

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
        [LoggerMessage(TelemetryEvents.DevHostFunctionDisabled, LogLevel.Information, "{Function}: disabled by AzureWebJobs.{Function}.Disabled")]
        public static partial void Disabled(ILogger logger, string function);
    }
}

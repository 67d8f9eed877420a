using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Storage.Rules;

namespace Frontdesk.DevHost.Hosting;

/// <summary>
/// The demo bakery a local run starts with: its rules (<see cref="DemoBusiness"/>) and its catalogue
/// (<c>samples/demo-catalogue.csv</c>, copied next to DevHost), written only into a completely empty setup (the four
/// rule tables and the Catalogue table), and never when <c>DevHost__SeedDemo</c> is false. A business that set up
/// anything of its own never gets the bakery's products or rules mixed into its answers. One log line says what was
/// seeded, or why not.
/// </summary>
public sealed partial class DemoData(
    IConfiguration configuration,
    DemoBusinessSeeder rules,
    CatalogueStore catalogue,
    CatalogueImporter importer,
    ILogger<DemoData> logger)
{
    /// <summary>The setting that switches all demo seeding off: <c>DevHost__SeedDemo=false</c>.</summary>
    public const string SeedSetting = "DevHost:SeedDemo";

    public const string CatalogueFileName = "demo-catalogue.csv";

    /// <returns>True when the demo was written.</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (!IsEnabled(configuration[SeedSetting]))
        {
            Log.NotSeeded(logger, "DevHost__SeedDemo is false");
            return false;
        }

        var occupied = await rules.FirstTableWithRowsAsync(cancellationToken).ConfigureAwait(false) is { } table
            ? $"table {table} already holds rows"
            : await catalogue.HasProductsAsync(cancellationToken).ConfigureAwait(false) ? "table Catalogue already holds products" : null;
        if (occupied is not null)
        {
            Log.NotSeeded(logger, occupied + " (the demo goes only into a completely empty setup)");
            return false;
        }

        if (!await rules.SeedIfEmptyAsync(cancellationToken).ConfigureAwait(false))
        {
            // Someone wrote a rule row between the check and now: theirs is the setup.
            Log.NotSeeded(logger, "a rule table got rows while DevHost was starting");
            return false;
        }

        var products = 0;
        var file = Path.Combine(AppContext.BaseDirectory, CatalogueFileName);
        if (File.Exists(file))
        {
            await using var csv = File.OpenRead(file);
            products = (await importer.ImportAsync(CatalogueStore.DefaultPartition, csv, defaultCurrency: null, cancellationToken).ConfigureAwait(false)).Added;
        }

        Log.Seeded(logger, DemoBusiness.Rows.Count, products);
        return true;
    }

    private static bool IsEnabled(string? value) =>
        value?.Trim().ToUpperInvariant() is not ("FALSE" or "0" or "NO" or "OFF");

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.DevHostDemoSeeded, LogLevel.Information,
            "Seeded the demo bakery under PartitionKey 'default' ({Rows} rule rows, {Products} products): the rule and catalogue tables were empty. Set DevHost__SeedDemo=false to start without it")]
        public static partial void Seeded(ILogger logger, int rows, int products);

        [LoggerMessage(TelemetryEvents.DevHostDemoNotSeeded, LogLevel.Information, "Demo bakery not seeded: {Reason}")]
        public static partial void NotSeeded(ILogger logger, string reason);
    }
}

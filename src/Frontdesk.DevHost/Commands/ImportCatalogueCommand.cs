using System.Text.Json;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Identifiers;
using Frontdesk.DevHost.Azurite;
using Frontdesk.DevHost.Hosting;
using Frontdesk.Functions;
using Frontdesk.Storage;
using Frontdesk.Storage.Catalogue;

namespace Frontdesk.DevHost.Commands;

/// <summary>
/// <c>dotnet run --project src/Frontdesk.DevHost -- import-catalogue --phone-number-id &lt;id|default&gt; --file &lt;feed.csv&gt; [--currency EUR]</c>:
/// imports a local CSV through the same <see cref="CatalogueImporter"/> as the HTTP function, into the
/// <c>FrontdeskStorage</c> connection read like DevHost reads it (local.settings.json, then environment variables;
/// Azurite is started if the development storage is asked for and not running). Prints the import report as JSON.
/// Exit codes: 0 every row imported, 1 some rows rejected, 2 wrong arguments or unreadable file.
/// </summary>
public static class ImportCatalogueCommand
{
    public const string Name = "import-catalogue";

    private const string Usage = "usage: import-catalogue --phone-number-id <phone_number_id|default> --file <catalogue.csv> [--currency EUR]";

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken) =>
        RunAsync(args, settings: null, Console.Out, Console.Error, cancellationToken);

    /// <param name="args">The command's arguments (with or without the leading command name).</param>
    /// <param name="settings">Settings that win over local.settings.json and the environment (tests).</param>
    /// <param name="output">Where the JSON report goes.</param>
    /// <param name="errors">Where usage and failures go.</param>
    /// <param name="cancellationToken">Stops the import between batches.</param>
    internal static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = ParseArguments(args.SkipWhile(arg => arg == Name).ToArray());
        if (options is null || !options.TryGetValue("phone-number-id", out var partition) || !options.TryGetValue("file", out var file))
        {
            await errors.WriteLineAsync(Usage).ConfigureAwait(false);
            return 2;
        }

        if (!PhoneNumberId.TryParsePartition(partition, out var phoneNumberId))
        {
            await errors.WriteLineAsync($"import-catalogue: '{partition}' is neither {PhoneNumberId.Format} nor 'default'").ConfigureAwait(false);
            return 2;
        }

        // Relative to the directory the command was typed in (dotnet run keeps it: EnableDefaultRunWorkingDirectory is off).
        file = Path.GetFullPath(file);
        if (!File.Exists(file))
        {
            await errors.WriteLineAsync($"import-catalogue: no such file '{file}' (a relative --file is read from the current directory, {Directory.GetCurrentDirectory()})").ConfigureAwait(false);
            return 2;
        }

        var configuration = Configuration(settings);
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddSimpleConsole(console => console.SingleLine = true).SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<AzuriteLauncher>()
            .AddFrontdeskFunctions(configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            if (StorageAccount.IsDevelopmentStorage(configuration, StorageNames.Connection))
            {
                await provider.GetRequiredService<AzuriteLauncher>().EnsureRunningAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var csv = File.OpenRead(file);
            options.TryGetValue("currency", out var currency);
            var result = await provider.GetRequiredService<CatalogueImporter>().ImportAsync(phoneNumberId.Value, csv, currency, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, CatalogueJsonContext.Readable.CatalogueImportResult)).ConfigureAwait(false);
            return result.RejectedCount == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or CatalogueTooLargeException)
        {
            // A storage connection that is not configured, or Azurite that cannot start: say what to fix.
            await errors.WriteLineAsync("import-catalogue: " + e.Message).ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary><c>--name value</c> or <c>--name=value</c>; null when an argument is not of that shape.</summary>
    private static Dictionary<string, string>? ParseArguments(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return null;
            }

            var name = args[i][2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                options[name] = args[++i];
            }
            else
            {
                return null;
            }
        }

        return options;
    }

    private static IConfigurationRoot Configuration(IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = new ConfigurationBuilder();
        var file = LocalSettings.Find(Directory.GetCurrentDirectory()) ?? LocalSettings.Find(AppContext.BaseDirectory);
        if (file is not null)
        {
            builder.AddInMemoryCollection(LocalSettings.Read(file));
        }

        builder.AddEnvironmentVariables();
        if (settings is not null)
        {
            builder.AddInMemoryCollection(settings);
        }

        return builder.Build();
    }
}

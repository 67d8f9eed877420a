using System.Diagnostics;
using Azure.Data.Tables;
using Frontdesk.Storage;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests.Commands;

/// <summary>
/// The README's and docs/catalogue.md's command exactly as a developer types it at the repository root:
/// <c>dotnet run --project src/Frontdesk.DevHost -- import-catalogue ... --file samples/demo-catalogue.csv</c>.
/// It runs the real <c>dotnet run</c> (with <c>--no-build</c>: the test build already built DevHost in the same
/// configuration), so the working directory <c>dotnet run</c> gives the program is what is tested.
/// </summary>
[Collection(CatalogueAzuriteCollection.Name)]
public sealed class ImportCatalogueReadmeCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task DotnetRun_FromTheRepositoryRoot_ReadsTheRelativeFileFromThere()
    {
        var partition = "8" + Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot.Find(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "run", "--no-build", "-c", configuration, "--project", "src/Frontdesk.DevHost", "--", "import-catalogue", "--phone-number-id", partition, "--file", "samples/demo-catalogue.csv" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[StorageNames.Connection] = azurite.ConnectionString;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await errors}{await output}");
        Assert.Contains("\"added\": 27", await output, StringComparison.Ordinal);
        var table = new TableClient(azurite.ConnectionString, StorageNames.Tables.Catalogue);
        var stored = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(27, await stored.CountAsync(TestContext.Current.CancellationToken));
    }
}

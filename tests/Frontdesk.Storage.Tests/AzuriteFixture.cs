using Azure.Data.Tables;
using Frontdesk.Testing;

[assembly: AssemblyFixture(typeof(Frontdesk.Storage.Tests.AzuriteFixture))]

namespace Frontdesk.Storage.Tests;

/// <summary>One real Azurite for the whole assembly; each test class keeps to its own prefixed tables.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public TableServiceClient Tables { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);
        Tables = new TableServiceClient(_server.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

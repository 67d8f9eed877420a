using Frontdesk.Testing;

namespace Frontdesk.Functions.Tests.Catalogue;

/// <summary>One real Azurite for the catalogue's storage tests; each class uses its own prefixed table.</summary>
public sealed class CatalogueAzurite : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => (_server ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async ValueTask InitializeAsync() => _server = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

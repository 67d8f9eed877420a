using Azure.Data.Tables;
using Azure.Storage.Queues;
using Frontdesk.Testing;

[assembly: AssemblyFixture(typeof(Frontdesk.Storage.Tests.AzuriteFixture))]

namespace Frontdesk.Storage.Tests;

/// <summary>One real Azurite for the whole test assembly; classes keep apart through <see cref="TestNames.Prefix"/>.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public string ConnectionString => (_server ?? throw new InvalidOperationException("Azurite is not started.")).ConnectionString;

    public async ValueTask InitializeAsync() => _server = await AzuriteServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public TableClient Table(string name) => new TableServiceClient(ConnectionString).GetTableClient(name);

    /// <summary>A queue client as production builds it: Base64, what the trigger expects.</summary>
    public QueueClient Queue(string name) =>
        new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(name);
}

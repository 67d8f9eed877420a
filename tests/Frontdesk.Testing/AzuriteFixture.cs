using Azure.Data.Tables;
using Azure.Storage.Queues;
using Xunit;

namespace Frontdesk.Testing;

/// <summary>
/// One real Azurite per test assembly (<c>[assembly: AssemblyFixture(typeof(AzuriteFixture))]</c>); test classes keep
/// apart by naming their queues and tables with <see cref="TestNames.Prefix"/>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteServer? _server;

    public AzuriteServer Server => _server ?? throw new InvalidOperationException("Azurite has not started.");

    public string ConnectionString => Server.ConnectionString;

    public TableServiceClient Tables { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await AzuriteServer.StartAsync().ConfigureAwait(false);
        Tables = new TableServiceClient(_server.ConnectionString);
    }

    public TableClient Table(string name) => Tables.GetTableClient(name);

    /// <summary>A queue client as production builds it: Base64, what the trigger expects.</summary>
    public QueueClient Queue(string name) =>
        new QueueServiceClient(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(name);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }
}

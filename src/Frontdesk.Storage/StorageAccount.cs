using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Frontdesk.Storage;

/// <summary>
/// The clients of one storage connection, read the way the Functions extensions read a <c>Connection</c>: either a
/// connection string under the name itself (<c>FrontdeskStorage=UseDevelopmentStorage=true</c>), or identity-based
/// settings under it (<c>FrontdeskStorage__queueServiceUri</c>, <c>__tableServiceUri</c>, <c>__blobServiceUri</c>,
/// or <c>__accountName</c>; <c>__credential=managedidentity</c> and <c>__clientId</c>).
/// </summary>
public sealed class StorageAccount
{
    private readonly Lazy<QueueServiceClient> _queues;
    private readonly Lazy<TableServiceClient> _tables;
    private readonly Lazy<BlobServiceClient> _blobs;

    private StorageAccount(Func<QueueServiceClient> queues, Func<TableServiceClient> tables, Func<BlobServiceClient> blobs)
    {
        _queues = new(queues);
        _tables = new(tables);
        _blobs = new(blobs);
    }

    /// <summary>The queue service; throws on first use when the connection names no queue endpoint.</summary>
    public QueueServiceClient Queues => _queues.Value;

    public TableServiceClient Tables => _tables.Value;

    public BlobServiceClient Blobs => _blobs.Value;

    /// <summary>True when the connection is the local emulator's shorthand.</summary>
    public static bool IsDevelopmentStorage(IConfiguration configuration, string connectionName) =>
        string.Equals(configuration?[connectionName]?.Trim(), "UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);

    /// <param name="configuration">The app's settings.</param>
    /// <param name="connectionName">The connection's name, e.g. <see cref="StorageNames.Connection"/>.</param>
    /// <param name="queueEncoding">Base64 unless host.json says otherwise: the queue trigger decodes what producers encode.</param>
    public static StorageAccount FromConfiguration(IConfiguration configuration, string connectionName, QueueMessageEncoding queueEncoding = QueueMessageEncoding.Base64)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var queueOptions = new QueueClientOptions { MessageEncoding = queueEncoding };
        Tune(queueOptions.Retry);
        var tableOptions = new TableClientOptions();
        Tune(tableOptions.Retry);
        var blobOptions = new BlobClientOptions();
        Tune(blobOptions.Retry);

        var connectionString = configuration[connectionName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageAccount(
                () => new QueueServiceClient(connectionString, queueOptions),
                () => new TableServiceClient(connectionString, tableOptions),
                () => new BlobServiceClient(connectionString, blobOptions));
        }

        // Identity-based: each service needs its own endpoint, checked when that service is first used.
        var section = configuration.GetSection(connectionName);
        var credential = new Lazy<TokenCredential>(() => Credential(section));
        return new StorageAccount(
            () => new QueueServiceClient(ServiceUri(section, connectionName, "queue"), credential.Value, queueOptions),
            () => new TableServiceClient(ServiceUri(section, connectionName, "table"), credential.Value, tableOptions),
            () => new BlobServiceClient(ServiceUri(section, connectionName, "blob"), credential.Value, blobOptions));
    }

    /// <summary>
    /// Fewer, quicker retries than the SDK's default: the webhook must answer Meta within a second or two, and Meta
    /// retries for days anyway; queue functions are retried by the host.
    /// </summary>
    private static void Tune(RetryOptions retry)
    {
        retry.MaxRetries = 2;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }

    private static Uri ServiceUri(IConfigurationSection section, string connectionName, string service)
    {
        if (section[$"{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        if (section["accountName"] is { Length: > 0 } account)
        {
            return new Uri($"https://{account}.{service}.core.windows.net");
        }

        throw new InvalidOperationException(
            $"The storage connection '{connectionName}' is not configured for {service}s: set {connectionName} to a connection string " +
            $"(UseDevelopmentStorage=true locally), or set {connectionName}__{service}ServiceUri (or {connectionName}__accountName) " +
            $"with {connectionName}__credential=managedidentity and {connectionName}__clientId.");
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}

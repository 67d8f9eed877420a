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
    private StorageAccount(QueueServiceClient queues, TableServiceClient tables, BlobServiceClient blobs)
    {
        Queues = queues;
        Tables = tables;
        Blobs = blobs;
    }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    public BlobServiceClient Blobs { get; }

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
                new QueueServiceClient(connectionString, queueOptions),
                new TableServiceClient(connectionString, tableOptions),
                new BlobServiceClient(connectionString, blobOptions));
        }

        var section = configuration.GetSection(connectionName);
        var account = section["accountName"];
        var queueUri = ServiceUri(section, "queueServiceUri", account, "queue");
        var tableUri = ServiceUri(section, "tableServiceUri", account, "table");
        var blobUri = ServiceUri(section, "blobServiceUri", account, "blob");
        if (queueUri is null || tableUri is null || blobUri is null)
        {
            throw new InvalidOperationException(
                $"The storage connection '{connectionName}' is not configured: set {connectionName} to a connection string " +
                $"(UseDevelopmentStorage=true locally), or set {connectionName}__queueServiceUri, {connectionName}__tableServiceUri " +
                $"and {connectionName}__blobServiceUri (or {connectionName}__accountName) with {connectionName}__credential=managedidentity.");
        }

        var credential = Credential(section);
        return new StorageAccount(
            new QueueServiceClient(queueUri, credential, queueOptions),
            new TableServiceClient(tableUri, credential, tableOptions),
            new BlobServiceClient(blobUri, credential, blobOptions));
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

    private static Uri? ServiceUri(IConfigurationSection section, string key, string? account, string service)
    {
        var value = section[key];
        if (!string.IsNullOrWhiteSpace(value))
        {
            return new Uri(value);
        }

        return string.IsNullOrWhiteSpace(account) ? null : new Uri($"https://{account}.{service}.core.windows.net");
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}

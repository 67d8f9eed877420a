using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Frontdesk.Storage;

/// <summary>
/// The service clients of the <c>FrontdeskStorage</c> connection, read the way the Functions extensions read it:
/// either a connection string (<c>FrontdeskStorage</c>), or identity-based settings
/// (<c>FrontdeskStorage__tableServiceUri</c>, <c>__queueServiceUri</c>, <c>__blobServiceUri</c> or <c>__accountName</c>,
/// with <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity).
/// </summary>
public static class StorageClientRegistration
{
    /// <summary>Registers TableServiceClient, QueueServiceClient and BlobServiceClient once (TryAdd: safe to call from every feature).</summary>
    public static IServiceCollection AddFrontdeskStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(_ => CreateTableServiceClient(configuration));
        services.TryAddSingleton(_ => Connection(configuration) is { } cs
            ? new QueueServiceClient(cs, QueueOptions())
            : new QueueServiceClient(ServiceUri(configuration, "queue"), Credential(configuration), QueueOptions()));
        services.TryAddSingleton(_ => Connection(configuration) is { } cs
            ? new BlobServiceClient(cs)
            : new BlobServiceClient(ServiceUri(configuration, "blob"), Credential(configuration)));
        return services;
    }

    public static TableServiceClient CreateTableServiceClient(IConfiguration configuration) =>
        Connection(configuration) is { } cs
            ? new TableServiceClient(cs)
            : new TableServiceClient(ServiceUri(configuration, "table"), Credential(configuration));

    // The queue triggers expect Base64 (host.json says so explicitly); every producer must agree.
    private static QueueClientOptions QueueOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    private static string? Connection(IConfiguration configuration) =>
        configuration[StorageNames.Connection] is { Length: > 0 } value ? value : null;

    private static Uri ServiceUri(IConfiguration configuration, string service)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        if (section[$"{service}ServiceUri"] is { Length: > 0 } uri)
        {
            return new Uri(uri);
        }

        if (section["accountName"] is { Length: > 0 } account)
        {
            return new Uri($"https://{account}.{service}.core.windows.net");
        }

        throw new InvalidOperationException(
            $"No storage connection: set {StorageNames.Connection} to a connection string, or {StorageNames.Connection}__{service}ServiceUri " +
            $"(or {StorageNames.Connection}__accountName) for an identity-based connection.");
    }

    private static TokenCredential Credential(IConfiguration configuration)
    {
        var section = configuration.GetSection(StorageNames.Connection);
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        // Locally (az login, Visual Studio) the developer's own identity.
        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}

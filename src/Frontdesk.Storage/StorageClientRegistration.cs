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
/// The Azure Storage service clients for the <c>FrontdeskStorage</c> connection, registered once as singletons and
/// read the way the Functions extensions read the same connection: a connection string
/// (<c>FrontdeskStorage=UseDevelopmentStorage=true</c>), or identity-based <c>FrontdeskStorage__queueServiceUri</c>,
/// <c>__tableServiceUri</c>, <c>__blobServiceUri</c> (or <c>__accountName</c>) with <c>__credential=managedidentity</c>
/// and <c>__clientId</c> for a user-assigned identity.
/// </summary>
public static class StorageClientRegistration
{
    public static IServiceCollection AddFrontdeskStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(StorageNames.Connection);
        services.TryAddSingleton(_ => ConnectionString(section) is { } cs
            ? new TableServiceClient(cs)
            : new TableServiceClient(ServiceUri(section, "table"), Credential(section)));
        // Base64: what the queue trigger expects (host.json says so); every queue client inherits it from here.
        services.TryAddSingleton(_ =>
        {
            var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
            return ConnectionString(section) is { } cs
                ? new QueueServiceClient(cs, options)
                : new QueueServiceClient(ServiceUri(section, "queue"), Credential(section), options);
        });
        services.TryAddSingleton(_ => ConnectionString(section) is { } cs
            ? new BlobServiceClient(cs)
            : new BlobServiceClient(ServiceUri(section, "blob"), Credential(section)));
        return services;
    }

    private static string? ConnectionString(IConfigurationSection section) =>
        string.IsNullOrWhiteSpace(section.Value) ? null : section.Value;

    private static Uri ServiceUri(IConfigurationSection section, string service)
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
            $"The storage connection '{StorageNames.Connection}' is not configured: set {StorageNames.Connection} to a connection string " +
            $"(UseDevelopmentStorage=true locally) or {StorageNames.Connection}__{service}ServiceUri with {StorageNames.Connection}__credential=managedidentity.");
    }

    private static TokenCredential Credential(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        if (string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrWhiteSpace(clientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        }

        return new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
    }
}

using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Frontdesk.Core.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Frontdesk.Storage.Inbox;

public static class InboxRegistration
{
    /// <summary>The webhook inbox (producer) and its reader (consumer) on the <c>FrontdeskStorage</c> connection.</summary>
    public static IServiceCollection AddFrontdeskInbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFrontdeskStorageClients(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWebhookInbox>(sp => new WebhookInbox(
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.Queues.WebhookInbox),
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.WebhookBodies),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<QueueSignals>()));
        services.TryAddSingleton(sp => new InboxReader(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.WebhookBodies)));
        return services;
    }
}

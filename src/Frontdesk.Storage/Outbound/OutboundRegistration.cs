using Azure.Data.Tables;
using Azure.Storage.Queues;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage.Outbound;

/// <summary>Everything that sends replies and records their statuses, for the Functions host and DevHost.</summary>
public static class OutboundRegistration
{
    /// <summary>
    /// Registers <see cref="IOutboundQueue"/>, <see cref="ISendLedger"/>, <see cref="IStatusStore"/>, the Graph
    /// client (or the console printer without <c>WhatsApp__AccessToken</c>) and <see cref="OutboundSender"/>.
    /// </summary>
    public static IServiceCollection AddFrontdeskOutbound(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWhatsAppSending(configuration);
        services.AddFrontdeskStorageClients(configuration);
        services.TryAddSingleton<IOutboundQueue>(sp =>
        {
            var queues = sp.GetRequiredService<QueueServiceClient>();
            return new OutboundQueue(
                queues.GetQueueClient(StorageNames.Queues.OutboundMessages),
                queues.GetQueueClient(StorageNames.Queues.OutboundMessages + StorageNames.Queues.PoisonSuffix),
                sp.GetRequiredService<QueueSignals>());
        });
        services.TryAddSingleton<ISendLedger>(sp => new SendLedgerStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.OutboundLedger),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ISentMessageIndex>(sp => new SendLedgerStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.OutboundLedger),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IStatusStore>(sp => new OutboundStatusStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.OutboundStatuses),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<OutboundStatusStore>>()));
        return services;
    }
}

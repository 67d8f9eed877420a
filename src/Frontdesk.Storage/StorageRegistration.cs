using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Frontdesk.Core.Broadcasts;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage.Broadcasts;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Storage.Contacts;
using Frontdesk.Storage.Conversations;
using Frontdesk.Storage.Inbox;
using Frontdesk.Storage.Outbound;
using Frontdesk.Storage.PhoneConsole;
using Frontdesk.Storage.Restock;
using Frontdesk.Storage.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Frontdesk.Storage;

/// <summary>
/// Storage's composition root: the clients of the <c>FrontdeskStorage</c> connection and every table, queue and blob
/// adapter behind Core's ports. It registers nothing of Core's (clock, options, engine): the host calls
/// <c>AddFrontdeskCore</c> too, once.
/// </summary>
public static class StorageRegistration
{
    public static IServiceCollection AddFrontdeskStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => StorageAccount.FromConfiguration(configuration, StorageNames.Connection));
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().Queues);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().Tables);
        services.AddSingleton(sp => sp.GetRequiredService<StorageAccount>().Blobs);
        services.AddSingleton<QueueSignals>();

        // Webhook intake: the inbox (producer) and its reader (consumer).
        services.AddSingleton(sp => new WebhookInbox(
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.Queues.WebhookInbox),
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.WebhookBodies),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<QueueSignals>()));
        services.AddSingleton<IWebhookInbox>(sp => sp.GetRequiredService<WebhookInbox>());
        services.AddSingleton<IInboxBacklog>(sp => sp.GetRequiredService<WebhookInbox>());
        services.AddSingleton(sp => new InboxReader(
            sp.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.WebhookBodies)));

        // Rules and contacts.
        services.AddSingleton(sp => RuleTables.From(sp.GetRequiredService<TableServiceClient>()));
        services.AddSingleton<IRuleSource, TableRuleSource>();
        services.AddSingleton<DemoBusinessSeeder>();
        services.AddSingleton<IContactStore>(sp => ActivatorUtilities.CreateInstance<ContactStore>(
            sp, sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Contacts)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<HandledMessageLedger>(
            sp, sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.HandledMessages)));
        services.AddSingleton<IHandledMessages>(sp => sp.GetRequiredService<HandledMessageLedger>());

        // Outbound: the queue, the send ledger and the delivery statuses.
        services.AddSingleton<IOutboundQueue>(sp =>
        {
            var queues = sp.GetRequiredService<QueueServiceClient>();
            return new OutboundQueue(
                queues.GetQueueClient(StorageNames.Queues.OutboundMessages),
                queues.GetQueueClient(StorageNames.Queues.OutboundMessages + StorageNames.Queues.PoisonSuffix),
                sp.GetRequiredService<QueueSignals>());
        });
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SendLedgerStore>(
            sp, sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.OutboundLedger)));
        services.AddSingleton<ISendLedger>(sp => sp.GetRequiredService<SendLedgerStore>());
        services.AddSingleton<ISentMessageIndex, SentMessageIndex>();
        // Outreach (restock alerts, broadcasts): its own queue, so a reply never waits behind a fan-out; paced per number.
        services.AddSingleton<IOutreachQueue>(sp =>
        {
            var queues = sp.GetRequiredService<QueueServiceClient>();
            return ActivatorUtilities.CreateInstance<OutreachQueue>(
                sp,
                queues.GetQueueClient(StorageNames.Queues.OutreachMessages),
                queues.GetQueueClient(StorageNames.Queues.OutreachMessages + StorageNames.Queues.PoisonSuffix),
                sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.OutboundLedger));
        });
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboundStatusStore>(
            sp, sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.OutboundStatuses)));
        services.AddSingleton<IStatusStore>(sp => sp.GetRequiredService<OutboundStatusStore>());
        services.AddSingleton<ISendStatusIndex>(sp => sp.GetRequiredService<OutboundStatusStore>());

        // The phone console's outbox: what test contacts are answered instead of Meta sending it (docs/console.md).
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ConsoleOutboxStore>(
            sp, sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.ConsoleOutbox)));
        services.AddSingleton<IConsoleOutbox>(sp => sp.GetRequiredService<ConsoleOutboxStore>());

        // Catalogue: one cached index serves the responder and is refreshed by the importer.
        services.AddSingleton(sp => new CatalogueStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Catalogue)));
        services.AddSingleton<TableCatalogueIndexProvider>();
        services.AddSingleton<ICatalogueIndexProvider>(sp => sp.GetRequiredService<TableCatalogueIndexProvider>());
        services.AddSingleton<ICatalogueIndexInvalidator>(sp => sp.GetRequiredService<TableCatalogueIndexProvider>());
        services.AddSingleton<CatalogueImporter>();

        // "Back in stock": the subscriptions, the fan-out queue, and products read fresh from the Catalogue table.
        services.AddSingleton<ISubscriptionStore>(sp => new SubscriptionStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Subscriptions)));
        services.AddSingleton<IRestockAlertQueue>(sp => new RestockAlertQueue(
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.Queues.RestockAlerts),
            sp.GetRequiredService<QueueSignals>()));
        services.AddSingleton<IProductLookup, ProductLookup>();
        // Broadcasts (docs/broadcasts.md): the table of broadcasts and recipients, the daily reach, the fan-out queue.
        services.AddSingleton<IBroadcastStore>(sp => ActivatorUtilities.CreateInstance<BroadcastStore>(
            sp, sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Broadcasts)));
        services.AddSingleton<IReachLedger>(sp => new ReachLedger(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.BroadcastReach)));
        services.AddSingleton<IBroadcastAudience>(sp => new ContactAudience(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Contacts)));
        services.AddSingleton<IBroadcastFanoutQueue>(sp => new BroadcastFanoutQueue(
            sp.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.Queues.BroadcastFanout),
            sp.GetRequiredService<QueueSignals>()));
        return services;
    }
}

using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Frontdesk.Storage.Conversations;

public static class ConversationsRegistration
{
    /// <summary>The exactly-once inbound handler and its ledger; needs the rules and outbound registrations too.</summary>
    public static IServiceCollection AddFrontdeskConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFrontdeskStorageClients(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHandledMessages>(sp => new HandledMessageLedger(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.HandledMessages),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<InboundMessageHandler>();
        services.TryAddSingleton<ContactUpdater>();
        services.TryAddSingleton<EchoHandler>();
        services.TryAddSingleton<StatusSignalHandler>();
        return services;
    }
}

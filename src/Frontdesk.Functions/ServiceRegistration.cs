using Frontdesk.Core;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Storage;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Storage.Conversations;
using Frontdesk.Storage.Inbox;
using Frontdesk.Storage.Outbound;
using Frontdesk.Storage.PhoneConsole;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Frontdesk.Functions;

/// <summary>
/// Every service the function classes need, registered once: the Functions host (Program.cs) and
/// Frontdesk.DevHost both call this, so they run the same code.
/// </summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddFrontdesk(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);

        // A missing secret stops the app at start-up with a message naming the setting.
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => AppSecrets.Parse(sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.AppSecret));

        services.AddFrontdeskInbox(configuration);
        services.AddFrontdeskRules(configuration);
        services.AddFrontdeskOutbound(configuration);
        services.AddFrontdeskConsole(configuration);
        services.AddFrontdeskConversations(configuration);
        services.AddFrontdeskCatalogue(configuration);
        return services;
    }
}

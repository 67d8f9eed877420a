using Frontdesk.Core;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Storage.Catalogue;
using Frontdesk.Storage.Inbox;
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
        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FrontdeskOptions>().BindConfiguration(FrontdeskOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => AppSecrets.Parse(sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.AppSecret));

        services.AddFrontdeskInbox(configuration);
        services.AddFrontdeskCatalogue(configuration);
        return services;
    }
}

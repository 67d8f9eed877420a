using Azure.Data.Tables;
using Frontdesk.Core;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Storage.Contacts;
using Frontdesk.Storage.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage;

/// <summary>The rules feature: rule source, contact store, demo seeder and the reply engine.</summary>
public static class RulesRegistration
{
    public static IServiceCollection AddFrontdeskRules(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFrontdeskStorageClients(configuration);
        services.AddOptions<FrontdeskOptions>()
            .Bind(configuration.GetSection(FrontdeskOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => RuleTables.From(sp.GetRequiredService<TableServiceClient>()));
        services.TryAddSingleton<IRuleSource, TableRuleSource>();
        services.TryAddSingleton<DemoBusinessSeeder>();
        services.TryAddSingleton<IContactStore>(sp => new ContactStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Contacts),
            sp.GetRequiredService<ILogger<ContactStore>>()));

        // The catalogue is optional: without it the engine skips catalogue answers instead of failing to resolve.
        services.TryAddSingleton(sp => new ReplyEngine(sp.GetRequiredService<TimeProvider>(), sp.GetService<ICatalogueResponder>()));
        return services;
    }
}

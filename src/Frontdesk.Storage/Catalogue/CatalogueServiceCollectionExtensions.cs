using Azure.Data.Tables;
using Frontdesk.Core;
using Frontdesk.Core.Catalogue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Frontdesk.Storage.Catalogue;

public static class CatalogueServiceCollectionExtensions
{
    /// <summary>
    /// The catalogue: <see cref="ICatalogueResponder"/> for the rules engine, its cached table-backed index, and the
    /// <see cref="CatalogueImporter"/> the import function and DevHost command use. Needs the storage clients
    /// (<see cref="StorageClientRegistration.AddFrontdeskStorageClients"/>, called here idempotently).
    /// </summary>
    public static IServiceCollection AddFrontdeskCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddFrontdeskStorageClients(configuration);
        services.AddOptions<FrontdeskOptions>().Bind(configuration.GetSection(FrontdeskOptions.SectionName));
        services.AddOptions<CatalogueOptions>().Bind(configuration.GetSection(CatalogueOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new CatalogueStore(sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Catalogue)));
        services.TryAddSingleton<TableCatalogueIndexProvider>();
        services.TryAddSingleton<ICatalogueIndexProvider>(sp => sp.GetRequiredService<TableCatalogueIndexProvider>());
        services.TryAddSingleton<ICatalogueIndexInvalidator>(sp => sp.GetRequiredService<TableCatalogueIndexProvider>());
        services.TryAddSingleton<ICatalogueResponder, CatalogueResponder>();
        services.TryAddSingleton<CatalogueImporter>();
        return services;
    }
}

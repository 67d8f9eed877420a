using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Frontdesk.Storage;

/// <summary>Registers the clients of the <c>FrontdeskStorage</c> connection once, as singletons.</summary>
public static class StorageClientRegistration
{
    public static IServiceCollection AddFrontdeskStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(_ => StorageAccount.FromConfiguration(configuration, StorageNames.Connection));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageAccount>().Queues);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageAccount>().Tables);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageAccount>().Blobs);
        services.TryAddSingleton<QueueSignals>();
        return services;
    }
}

using Frontdesk.Storage.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        services.AddFrontdeskOutbound(configuration);
        return services;
    }
}

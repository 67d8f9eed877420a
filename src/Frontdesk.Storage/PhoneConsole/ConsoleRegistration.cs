using Azure.Data.Tables;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.WhatsApp.Graph;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Storage.PhoneConsole;

public static class ConsoleRegistration
{
    /// <summary>
    /// The phone console's outbox, and <see cref="TestContactSender"/> in front of whichever
    /// <see cref="IWhatsAppSender"/> is registered, so no reply to a test contact can reach Meta. Call after
    /// <c>AddFrontdeskOutbound</c>.
    /// </summary>
    public static IServiceCollection AddFrontdeskConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PhoneConsoleOptions>().Bind(configuration.GetSection(PhoneConsoleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddFrontdeskStorageClients(configuration);
        services.TryAddSingleton(sp => new ConsoleOutboxStore(
            sp.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.ConsoleOutbox),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IConsoleOutbox>(sp => sp.GetRequiredService<ConsoleOutboxStore>());

        var real = services.LastOrDefault(d => d.ServiceType == typeof(IWhatsAppSender))
            ?? throw new InvalidOperationException("AddFrontdeskConsole needs an IWhatsAppSender: call AddFrontdeskOutbound first.");
        services.Remove(real);
        services.Add(ServiceDescriptor.Describe(
            typeof(IWhatsAppSender),
            sp => new TestContactSender(
                Create(sp, real),
                sp.GetRequiredService<IConsoleOutbox>(),
                sp.GetRequiredService<IOptions<PhoneConsoleOptions>>(),
                sp.GetRequiredService<ILogger<TestContactSender>>()),
            real.Lifetime));
        return services;
    }

    private static IWhatsAppSender Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IWhatsAppSender)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}

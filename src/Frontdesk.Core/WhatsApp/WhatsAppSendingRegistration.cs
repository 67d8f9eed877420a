using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;

namespace Frontdesk.Core.WhatsApp;

/// <summary>The Core half of sending: the Graph client (or the console printer) and the sender service.</summary>
public static class WhatsAppSendingRegistration
{
    /// <summary>
    /// Registers <see cref="IWhatsAppSender"/> — <see cref="GraphWhatsAppClient"/> when <c>WhatsApp__AccessToken</c> is
    /// set, else <see cref="ConsoleWhatsAppSender"/> — and <see cref="OutboundSender"/>. The ledger and the queue it
    /// needs come from Frontdesk.Storage (<c>AddFrontdeskOutbound</c> registers both halves).
    /// </summary>
    public static IServiceCollection AddWhatsAppSending(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.SectionName));
        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.SectionName)).ValidateDataAnnotations();

        var token = configuration[$"{WhatsAppOptions.SectionName}:{nameof(WhatsAppOptions.AccessToken)}"];
        if (string.IsNullOrWhiteSpace(token))
        {
            services.TryAddSingleton<IWhatsAppSender, ConsoleWhatsAppSender>();
        }
        else
        {
            var timeout = TimeSpan.FromSeconds(
                configuration.GetSection(OutboundOptions.SectionName).Get<OutboundOptions>()?.AttemptTimeoutSeconds
                ?? new OutboundOptions().AttemptTimeoutSeconds);
            services.AddHttpClient<GraphWhatsAppClient>()
                // The factory's default request logging redacts headers in the message text but keeps the raw
                // Authorization value in its structured state (a test caught the token there): the client logs
                // status and Meta code itself instead.
                .RemoveAllLoggers()
                .AddStandardResilienceHandler(o =>
                {
                    // A retried POST is a second message on the customer's phone; retries go through the queue instead.
                    o.Retry.DisableForUnsafeHttpMethods();
                    o.AttemptTimeout.Timeout = timeout;
                    o.TotalRequestTimeout.Timeout = timeout + TimeSpan.FromSeconds(5);
                    // The breaker's window must be at least twice the attempt timeout (the options validate it).
                    o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, 2 * timeout.TotalSeconds));
                });
            services.TryAddTransient<IWhatsAppSender>(sp => sp.GetRequiredService<GraphWhatsAppClient>());
        }

        // Publishing components is an operator's call, made rarely: one attempt with a timeout, no retries, and no
        // request logging (which would keep the Authorization header in its state, as above).
        services.AddHttpClient<GraphComponentsClient>(client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();

        services.TryAddTransient<OutboundSender>();
        return services;
    }
}

using Frontdesk.Core.Broadcasts;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Outreach.Delivery;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Restock.Fanout;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core;

/// <summary>
/// Core's composition root: the clock, the options (bound and validated once, at start), the decision and sending
/// services. The ports they need (<c>IRuleSource</c>, <c>IContactStore</c>, ledgers, queues, the catalogue index)
/// come from Frontdesk.Storage's <c>AddFrontdeskStorage</c>; the host calls both, once.
/// </summary>
public static class CoreRegistration
{
    public static IServiceCollection AddFrontdeskCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(TimeProvider.System);

        // A missing secret or an out-of-range setting stops the app at start-up with a message naming the setting.
        services.AddOptions<FrontdeskOptions>().Bind(configuration.GetSection(FrontdeskOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WhatsAppOptions>().Bind(configuration.GetSection(WhatsAppOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OutboundOptions>().Bind(configuration.GetSection(OutboundOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CatalogueOptions>().Bind(configuration.GetSection(CatalogueOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PhoneConsoleOptions>().Bind(configuration.GetSection(PhoneConsoleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BroadcastOptions>().Bind(configuration.GetSection(BroadcastOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => AppSecrets.Parse(sp.GetRequiredService<IOptions<WhatsAppOptions>>().Value.AppSecret));

        services.AddSingleton<ICatalogueResponder, CatalogueResponder>();
        services.AddSingleton<ReplyEngine>();
        services.AddSingleton<InboundMessageHandler>();
        services.AddSingleton<ContactUpdater>();
        services.AddSingleton<EchoHandler>();
        services.AddSingleton<StatusSignalHandler>();
        services.AddSingleton<RestockDetector>();
        services.AddSingleton<RestockFanout>();
        AddWhatsAppSender(services, configuration);

        // Broadcasts (docs/broadcasts.md): planning, the fan-out, controls, and what sending and statuses tell them.
        services.AddSingleton<IBroadcastTemplates, RuleBookTemplates>();
        services.AddSingleton<BroadcastPlanner>();
        services.AddSingleton<BroadcastFanout>();
        services.AddSingleton<BroadcastControl>();
        services.AddSingleton<BroadcastStatuses>();
        services.AddSingleton<QualityGuard>();
        services.AddSingleton<IOutreachGate, BroadcastGate>();
        services.AddSingleton<IOutreachOutcomeSink, BroadcastOutcomes>();

        // Publishing components is an operator's call, made rarely: one attempt with a timeout, no retries, and no
        // request logging (which would keep the Authorization header in its state, as below).
        services.AddHttpClient<GraphComponentsClient>(client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddHttpClient<GraphTemplatesClient>(client => client.Timeout = TimeSpan.FromSeconds(30)).RemoveAllLoggers();
        services.AddTransient<OutboundSender>();

        // Business-initiated messages: window-aware, paced per number, through the same ledger as replies.
        services.AddSingleton<SendSpacer>();
        services.AddTransient<OutreachSender>();
        services.AddTransient<UnknownSendReconciler>();
        return services;
    }

    /// <summary>
    /// <see cref="GraphWhatsAppClient"/> when <c>WhatsApp__AccessToken</c> is set, else <see cref="ConsoleWhatsAppSender"/>;
    /// either way behind <see cref="TestContactSender"/>, so no reply to a phone-console test contact reaches Meta.
    /// </summary>
    private static void AddWhatsAppSender(IServiceCollection services, IConfiguration configuration)
    {
        var token = configuration[$"{WhatsAppOptions.SectionName}:{nameof(WhatsAppOptions.AccessToken)}"];
        if (string.IsNullOrWhiteSpace(token))
        {
            services.AddSingleton<ConsoleWhatsAppSender>();
            services.AddTransient<IWhatsAppSender>(sp => ActivatorUtilities.CreateInstance<TestContactSender>(sp, sp.GetRequiredService<ConsoleWhatsAppSender>()));
            return;
        }

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
        services.AddTransient<IWhatsAppSender>(sp => ActivatorUtilities.CreateInstance<TestContactSender>(sp, sp.GetRequiredService<GraphWhatsAppClient>()));
    }
}

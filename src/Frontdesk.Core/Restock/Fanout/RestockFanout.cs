using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.Restock.Fanout;

/// <summary>
/// Expands one <see cref="RestockAlert"/> to its product's subscribers, one page per call: every live subscription
/// gets an <see cref="OutreachMessage"/> (purpose <c>back-in-stock</c>) on the paced outreach queue and is then
/// closed; expired ones are closed without a message; unreadable rows are skipped with a warning naming them. A page
/// repeated after a crash queues the same idempotency keys again, which the outreach sender's ledger drops.
/// </summary>
public sealed partial class RestockFanout(
    ISubscriptionStore subscriptions,
    IProductLookup products,
    IRuleSource rules,
    IOutreachQueue outreach,
    IRestockAlertQueue alerts,
    IOptions<OutboundOptions> outbound,
    TimeProvider time,
    ILogger<RestockFanout> logger)
{
    /// <summary>The Templates RowKey used outside the customer's window.</summary>
    public const string Purpose = "back-in-stock";

    /// <summary>Subscribers per call: one page is read, queued and closed well within a queue message's visibility.</summary>
    public const int PageSize = 500;

    /// <returns>The number of alerts queued by this page.</returns>
    public async Task<int> FanOutAsync(RestockAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var product = await products.FindAsync(alert.PhoneNumberId, alert.Sku, cancellationToken).ConfigureAwait(false);
        if (product is null || !product.InStock)
        {
            Log.Dropped(logger, alert.PhoneNumberId, alert.Sku, product is null ? "the product is no longer in the catalogue" : "the product is out of stock again");
            return 0;
        }

        var now = time.GetUtcNow();
        var page = await subscriptions.ReadPageAsync(alert.PhoneNumberId, alert.Sku, alert.After, PageSize, cancellationToken).ConfigureAwait(false);
        foreach (var problem in page.Problems)
        {
            Log.RowSkipped(logger, problem.PartitionKey, problem.RowKey, problem.Problem);
        }

        var live = page.Subscriptions.Where(s => s.IsLive(now)).ToList();
        var expired = page.Subscriptions.Where(s => s.State == SubscriptionState.Open && !s.IsLive(now)).ToList();
        if (live.Count > 0)
        {
            var book = await rules.GetRuleBookAsync(alert.PhoneNumberId, cancellationToken).ConfigureAwait(false);
            var builder = new CatalogueReplyBuilder(book.Settings.Catalogue);
            var messages = live.Select(s => Message(s, product, builder)).ToList();
            // Queued before closing: a crash in between repeats the page, never loses it.
            await outreach.EnqueueAsync(messages, outbound.Value.MessagesPerSecond, cancellationToken).ConfigureAwait(false);
            await subscriptions.CloseAsync(live, SubscriptionState.Notified, now, cancellationToken).ConfigureAwait(false);
        }

        if (expired.Count > 0)
        {
            await subscriptions.CloseAsync(expired, SubscriptionState.Expired, now, cancellationToken).ConfigureAwait(false);
        }

        Log.Queued(logger, alert.PhoneNumberId, alert.Sku, live.Count, expired.Count, alert.Page, alert.Source);
        if (page.More && page.LastRowKey is not null)
        {
            await alerts.EnqueueAsync([alert with { After = page.LastRowKey, Page = alert.Page + 1 }], cancellationToken).ConfigureAwait(false);
        }

        return live.Count;
    }

    /// <summary>The alert for one subscriber: the product card (or catalogue message) inside the window, the template outside it.</summary>
    public static OutreachMessage Message(Subscription subscription, Product product, CatalogueReplyBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(builder);
        return new OutreachMessage
        {
            IdempotencyKey = subscription.IdempotencyKey,
            PhoneNumberId = subscription.PhoneNumberId,
            To = subscription.WaId,
            Purpose = Purpose,
            Variables = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["name"] = subscription.Name ?? string.Empty,
                ["product"] = product.Title,
                ["price"] = builder.Price(product),
            },
            FreeForm = builder.BackInStock(product),
            HeaderImageLink = string.IsNullOrWhiteSpace(product.ImageLink) ? null : product.ImageLink,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.RestockAlertsQueued, LogLevel.Information,
            "Back in stock: {Alerts} alert(s) queued for {Sku} on {PhoneNumberId} and their subscriptions closed; {Expired} expired subscription(s) closed without one (page {Page}, from {Source})")]
        public static partial void Queued(ILogger logger, string phoneNumberId, string sku, int alerts, int expired, int page, string source);

        [LoggerMessage(TelemetryEvents.RestockAlertDropped, LogLevel.Information, "Back in stock for {Sku} on {PhoneNumberId}: no alert sent, {Reason}")]
        public static partial void Dropped(ILogger logger, string phoneNumberId, string sku, string reason);

        [LoggerMessage(TelemetryEvents.SubscriptionRowSkipped, LogLevel.Warning, "Subscriptions row {PartitionKey}/{RowKey} skipped: {Problem}")]
        public static partial void RowSkipped(ILogger logger, string partitionKey, string rowKey, string problem);
    }
}

using System.Globalization;
using Frontdesk.Core.Catalogue;

namespace Frontdesk.Core.Restock;

/// <summary>
/// One customer waiting for one product of one business number: a row of the Subscriptions table (PartitionKey the
/// phone_number_id, RowKey <c>&lt;SKU&gt;|&lt;wa_id&gt;</c>).
/// </summary>
public sealed record Subscription
{
    /// <summary>Separates the SKU from the wa_id in the RowKey (never in a wa_id, which is digits).</summary>
    public const char KeySeparator = '|';

    public required string PhoneNumberId { get; init; }

    public required string Sku { get; init; }

    /// <summary>The customer's wa_id.</summary>
    public required string WaId { get; init; }

    /// <summary>The customer's profile name when they subscribed (the template's <c>{{name}}</c>).</summary>
    public string? Name { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Expires { get; init; }

    public SubscriptionState State { get; init; } = SubscriptionState.Open;

    public DateTimeOffset? ClosedAt { get; init; }

    public string RowKey => Key(Sku, WaId);

    /// <summary>
    /// The alert's idempotency key, <c>restock:{SKU}:{wa_id}:{created ticks}</c>: the same for every retry and
    /// redelivery of this subscription's alert, and new for a later subscription to the same product.
    /// </summary>
    public string IdempotencyKey => $"{RestockIds.Prefix}{Sku}:{WaId}:{Created.UtcTicks.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Open and not past its expiry: the one kind of subscription an alert goes to.</summary>
    public bool IsLive(DateTimeOffset now) => State == SubscriptionState.Open && Expires > now;

    public static string Key(string sku, string waId) => sku + KeySeparator + waId;
}

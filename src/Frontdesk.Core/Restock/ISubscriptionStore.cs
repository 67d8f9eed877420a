using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Restock;

/// <summary>The Subscriptions table (implemented in Frontdesk.Storage).</summary>
public interface ISubscriptionStore
{
    /// <summary>
    /// Stores the subscription unless a live one (open, not expired) exists for the same product and customer, or one
    /// created by the same press or a later one (a redelivery): pressing twice keeps the first, so its alert key stays
    /// the same. An older notified, expired or unreadable row is replaced.
    /// </summary>
    Task<SubscribeOutcome> SubscribeAsync(string phoneNumberId, string waId, PlannedSubscription subscription, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="pageSize"/> rows of one product after RowKey <paramref name="after"/> (null: from the
    /// first), in RowKey order, with the rows that could not be read reported as problems.
    /// </summary>
    Task<SubscriptionPage> ReadPageAsync(string phoneNumberId, string sku, string? after, int pageSize, CancellationToken cancellationToken = default);

    /// <summary>Marks the subscriptions closed (<paramref name="state"/>, <c>ClosedAt</c> = <paramref name="at"/>); closing one already closed is harmless.</summary>
    Task CloseAsync(IReadOnlyList<Subscription> subscriptions, SubscriptionState state, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The (number, SKU) pairs with at least one live subscription; every number when <paramref name="phoneNumberId"/> is null.</summary>
    Task<IReadOnlyList<SubscribedProduct>> ReadSubscribedProductsAsync(string? phoneNumberId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> subscriptions of a number (of one product when <paramref name="sku"/> is given)
    /// after RowKey <paramref name="after"/>, in any state, for operators; unreadable rows come as problems.
    /// </summary>
    Task<SubscriptionPage> ListAsync(string phoneNumberId, string? sku, string? after, int max, CancellationToken cancellationToken = default);

    /// <summary>Every unreadable row (of one number when given), for <c>manage/validate</c>.</summary>
    Task<IReadOnlyList<RuleProblem>> ValidateAsync(string? phoneNumberId, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="ISubscriptionStore.SubscribeAsync"/> did.</summary>
public enum SubscribeOutcome
{
    Created,

    /// <summary>A live subscription was there already (the button pressed twice): kept as it was.</summary>
    AlreadySubscribed,

    /// <summary>A notified, expired or unreadable row was replaced by this new subscription.</summary>
    Renewed,
}

/// <summary>One page of subscription rows: the readable ones, the rest as problems, and where the page ended.</summary>
public sealed record SubscriptionPage(IReadOnlyList<Subscription> Subscriptions, IReadOnlyList<RuleProblem> Problems, string? LastRowKey, bool More);

/// <summary>A product with live subscribers on one number.</summary>
public sealed record SubscribedProduct(string PhoneNumberId, string Sku);

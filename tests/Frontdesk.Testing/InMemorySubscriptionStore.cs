using System.Collections.Concurrent;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;

namespace Frontdesk.Testing;

/// <summary>
/// The Subscriptions port in memory, with the table's rules (one row per number and <c>SKU|wa_id</c>, a live one
/// kept when pressed twice, RowKey order); <see cref="Problems"/> stands for rows edited into nonsense.
/// </summary>
public sealed class InMemorySubscriptionStore : ISubscriptionStore
{
    private readonly ConcurrentDictionary<(string Number, string RowKey), Subscription> _rows = new();

    public List<RuleProblem> Problems { get; } = [];

    public IReadOnlyList<Subscription> All => [.. _rows.Values.OrderBy(s => s.PhoneNumberId, StringComparer.Ordinal).ThenBy(s => s.RowKey, StringComparer.Ordinal)];

    public void Add(Subscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        _rows[(subscription.PhoneNumberId, subscription.RowKey)] = subscription;
    }

    public Task<SubscribeOutcome> SubscribeAsync(string phoneNumberId, string waId, PlannedSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var wanted = new Subscription
        {
            PhoneNumberId = phoneNumberId, Sku = subscription.Sku, WaId = waId, Name = subscription.Name,
            Created = subscription.Created, Expires = subscription.Expires,
        };
        var key = (phoneNumberId, wanted.RowKey);
        if (_rows.TryGetValue(key, out var current) && (current.IsLive(subscription.Created) || current.Created >= subscription.Created))
        {
            return Task.FromResult(SubscribeOutcome.AlreadySubscribed);
        }

        _rows[key] = wanted;
        return Task.FromResult(current is null ? SubscribeOutcome.Created : SubscribeOutcome.Renewed);
    }

    public Task<SubscriptionPage> ReadPageAsync(string phoneNumberId, string sku, string? after, int pageSize, CancellationToken cancellationToken = default) =>
        Task.FromResult(Page(phoneNumberId, sku, after, pageSize));

    public Task<SubscriptionPage> ListAsync(string phoneNumberId, string? sku, string? after, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult(Page(phoneNumberId, sku, after, max));

    public Task CloseAsync(IReadOnlyList<Subscription> subscriptions, SubscriptionState state, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        foreach (var s in subscriptions)
        {
            _rows[(s.PhoneNumberId, s.RowKey)] = s with { State = state, ClosedAt = at };
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SubscribedProduct>> ReadSubscribedProductsAsync(string? phoneNumberId, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SubscribedProduct>>([.. _rows.Values
            .Where(s => (phoneNumberId is null || s.PhoneNumberId == phoneNumberId) && s.IsLive(now))
            .Select(s => new SubscribedProduct(s.PhoneNumberId, s.Sku))
            .Distinct()]);

    public Task<IReadOnlyList<RuleProblem>> ValidateAsync(string? phoneNumberId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RuleProblem>>([.. Problems.Where(p => phoneNumberId is null || p.PartitionKey == phoneNumberId)]);

    private SubscriptionPage Page(string phoneNumberId, string? sku, string? after, int max)
    {
        var rows = All
            .Where(s => s.PhoneNumberId == phoneNumberId && (sku is null || s.Sku == sku) && (after is null || string.CompareOrdinal(s.RowKey, after) > 0))
            .Take(max)
            .ToList();
        var problems = Problems.Where(p => p.PartitionKey == phoneNumberId && (sku is null || p.RowKey.StartsWith(sku + Subscription.KeySeparator, StringComparison.Ordinal))).ToList();
        return new SubscriptionPage(rows, after is null ? problems : [], rows.Count > 0 ? rows[^1].RowKey : after, rows.Count >= max);
    }
}

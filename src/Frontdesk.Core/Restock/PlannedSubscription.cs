namespace Frontdesk.Core.Restock;

/// <summary>
/// A subscription the reply engine decided on (the customer pressed "Notify me" for an out-of-stock product); the
/// inbound handler stores it. Keeping the write out of the engine keeps <c>explain</c> free of side effects.
/// </summary>
public sealed record PlannedSubscription(string Sku, string? Name, DateTimeOffset Created, DateTimeOffset Expires);

namespace Frontdesk.Core.Restock;

/// <summary>A subscription's <c>State</c> column: waiting for the product, told it is back, or past its expiry.</summary>
public enum SubscriptionState
{
    /// <summary>Waiting: the customer is told once when the product is back in stock (until <c>Expires</c>).</summary>
    Open,

    /// <summary>The alert was queued (<c>ClosedAt</c>); the product going out of stock and back does not re-notify.</summary>
    Notified,

    /// <summary>Found past its <c>Expires</c> by a fan-out and closed without an alert.</summary>
    Expired,
}

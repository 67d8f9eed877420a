using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Outreach;

/// <summary>
/// A message the business starts, not a reply: a "back in stock" alert or one recipient of a broadcast. It travels on
/// the <c>outreach-messages</c> queue, paced per number, and is sent through the same exactly-once ledger as replies,
/// by <see cref="IdempotencyKey"/>. Inside the customer's 24-hour window <see cref="FreeForm"/> is sent when there is
/// one; outside it (or without one) the Templates row of <see cref="Purpose"/>.
/// </summary>
public sealed record OutreachMessage
{
    /// <summary>Stable across retries and redeliveries: <c>restock:{SKU}:{wa_id}:{created}</c> or <c>broadcast:{id}:{wa_id}</c>.</summary>
    public required string IdempotencyKey { get; init; }

    public required string PhoneNumberId { get; init; }

    /// <summary>The customer's wa_id.</summary>
    public required string To { get; init; }

    /// <summary>The RowKey of the Templates row to send outside the window, e.g. <c>back-in-stock</c>.</summary>
    public required string Purpose { get; init; }

    /// <summary>Values for the template's <c>{{variables}}</c>, by name without braces (<c>name</c>, <c>product</c>, <c>price</c>, a broadcast's parameters).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>What to send inside the window (a product card, a text); null: the template, window or not.</summary>
    public OutboundBody? FreeForm { get; init; }

    /// <summary>The product image for a template whose <c>HeaderImage</c> is <c>product</c>.</summary>
    public string? HeaderImageLink { get; init; }

    /// <summary>Sends already tried and failed in a retryable way.</summary>
    public int Attempt { get; init; }

    /// <summary>Why the previous attempt failed (kept so the poison queue says why).</summary>
    public string? LastError { get; init; }
}

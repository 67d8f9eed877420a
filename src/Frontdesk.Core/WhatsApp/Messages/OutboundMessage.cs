namespace Frontdesk.Core.WhatsApp.Messages;

/// <summary>One message to send from a business number to a customer, as it travels on the <c>outbound-messages</c> queue.</summary>
public sealed record OutboundMessage
{
    /// <summary>Stable across retries and redeliveries: the inbound wamid plus the reply's position, e.g. <c>wamid.X:1</c>.</summary>
    public required string IdempotencyKey { get; init; }

    public required string PhoneNumberId { get; init; }

    /// <summary>The customer's wa_id.</summary>
    public required string To { get; init; }

    public required ReplyKind Kind { get; init; }

    /// <summary>The rule that produced it, when a rule did.</summary>
    public string? RuleName { get; init; }

    public required OutboundBody Body { get; init; }

    /// <summary>The inbound wamid it answers (quoted when <see cref="Quote"/> is set; always logged).</summary>
    public string? InReplyTo { get; init; }

    public bool Quote { get; init; }

    /// <summary>
    /// When the customer wrote the message this answers (Meta's webhook timestamp). A reply still unsent
    /// <c>Outbound__MaxReplyAgeMinutes</c> after it is dropped. Null for a message that answers nothing.
    /// </summary>
    public DateTimeOffset? InboundAt { get; init; }

    /// <summary>Sends already tried and failed in a retryable way; the sender re-enqueues with this + 1.</summary>
    public int Attempt { get; init; }

    /// <summary>Why the previous attempt failed (kept on the message so the poison queue says why).</summary>
    public string? LastError { get; init; }

    /// <summary>
    /// This queue message is the grace check of a send recorded maybe sent: when it comes due, a status from Meta
    /// carrying the key settles it, and without one it is sent again, once (<c>UnknownSendReconciler</c>).
    /// </summary>
    public bool UnknownCheck { get; init; }

    /// <summary>
    /// This send as its own grace check (no chain, attempts from zero), for a send recorded maybe sent; null when it
    /// already is one: a resend whose answer is lost again gets no second check.
    /// </summary>
    public OutboundMessage? AsUnknownCheck() =>
        UnknownCheck ? null : this with { UnknownCheck = true, Then = [], Attempt = 0, LastError = null };

    /// <summary>
    /// Replies to send after this one, in order. The queue keeps no order and a batch runs in parallel, so the replies
    /// to one inbound message travel as a chain: the sender queues the next once this one is settled (sent, skipped
    /// as a duplicate, or failed for good). A retried message keeps its chain.
    /// </summary>
    public IReadOnlyList<OutboundMessage> Then { get; init; } = [];

    /// <summary>The replies as one chain: the first, carrying the rest; null when there are none.</summary>
    public static OutboundMessage? Chain(IReadOnlyList<OutboundMessage> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return replies.Count == 0 ? null : replies[0] with { Then = [.. replies.Skip(1)] };
    }
}

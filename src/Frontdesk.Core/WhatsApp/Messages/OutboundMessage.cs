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

    /// <summary>Sends already tried and failed in a retryable way; the sender re-enqueues with this + 1.</summary>
    public int Attempt { get; init; }

    /// <summary>Why the previous attempt failed (kept on the message so the poison queue says why).</summary>
    public string? LastError { get; init; }
}

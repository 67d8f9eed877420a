using Frontdesk.Core.Restock;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>What to send in answer to one inbound message (never more than three), the contact afterwards, and why.</summary>
public sealed record Decision(IReadOnlyList<PlannedReply> Replies, ContactState Contact, IReadOnlyList<DecisionStep> Steps)
{
    /// <summary>"Back in stock" subscriptions the customer asked for ("Notify me"), stored by the inbound handler.</summary>
    public IReadOnlyList<PlannedSubscription> Subscriptions { get; init; } = [];

    /// <summary>
    /// Why nothing is sent, for the log, when <see cref="Replies"/> is empty: the last step is the one that ended the
    /// decision ("not answered: contact opted out", "not answered: paused until …", "away message not repeated: cooldown
    /// until …"). Null when there are replies.
    /// </summary>
    public string? WhyNoReply()
    {
        if (Replies.Count > 0)
        {
            return null;
        }

        var last = Steps.Count > 0 ? Steps[^1].Detail : "no step applied";
        return last.StartsWith("not answered", StringComparison.Ordinal) || last.StartsWith("away message not repeated", StringComparison.Ordinal)
            ? last
            : "not answered: " + last;
    }

    /// <summary>
    /// The replies as queue messages. The idempotency key is the inbound wamid and the reply's position, so a
    /// redelivered inbound message yields the same keys and the sender can drop what it already sent.
    /// </summary>
    public IReadOnlyList<OutboundMessage> ToOutboundMessages(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. Replies.Select((reply, index) => new OutboundMessage
        {
            IdempotencyKey = $"{message.Id}:{index + 1}",
            PhoneNumberId = message.PhoneNumberId,
            To = message.From,
            Kind = reply.Kind,
            RuleName = reply.RuleName,
            Body = reply.Body,
            InReplyTo = message.Id,
            InboundAt = message.Timestamp,
        })];
    }
}

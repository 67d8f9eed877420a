namespace Frontdesk.Core.Webhooks.Events;

/// <summary>Every message and status of one webhook body, in the order they appear.</summary>
public sealed record WebhookBatch(IReadOnlyList<InboundMessage> Messages, IReadOnlyList<StatusUpdate> Statuses)
{
    public static WebhookBatch Empty { get; } = new([], []);
}

namespace Frontdesk.Core.Webhooks.Events;

/// <summary>Every message, status and echo of one webhook body, in the order they appear, and what was skipped.</summary>
public sealed record WebhookBatch(IReadOnlyList<InboundMessage> Messages, IReadOnlyList<StatusUpdate> Statuses)
{
    public static WebhookBatch Empty { get; } = new([], []);

    /// <summary>The business's own messages sent from the WhatsApp Business app (<c>smb_message_echoes</c>).</summary>
    public IReadOnlyList<MessageEcho> Echoes { get; init; } = [];

    /// <summary>Quality and messaging-limit changes of the business's numbers (<c>phone_number_quality_update</c>).</summary>
    public IReadOnlyList<QualityUpdate> QualityUpdates { get; init; } = [];

    /// <summary>Entries left out as unusable, each with its reason; the rest of the body is still handled.</summary>
    public IReadOnlyList<SkippedItem> Skipped { get; init; } = [];
}

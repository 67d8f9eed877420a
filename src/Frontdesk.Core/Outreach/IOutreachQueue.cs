namespace Frontdesk.Core.Outreach;

/// <summary>
/// Queues business-initiated messages on <c>outreach-messages</c>, paced per number: each message gets a visibility
/// delay from a per-number schedule shared by every fan-out, so two fan-outs on one number together stay within
/// <paramref name="messagesPerSecond"/> (implemented in Frontdesk.Storage).
/// </summary>
public interface IOutreachQueue
{
    /// <summary>Queues <paramref name="messages"/> (all of one number) at most <paramref name="messagesPerSecond"/>; returns when the last is due.</summary>
    Task<DateTimeOffset> EnqueueAsync(IReadOnlyList<OutreachMessage> messages, double messagesPerSecond, CancellationToken cancellationToken = default);

    /// <summary>Queues one message again after <paramref name="delay"/> (the outreach sender's retry of a throttled or transient send).</summary>
    Task RetryAsync(OutreachMessage message, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Parks a message that will not be sent in <c>outreach-messages-poison</c>, with the reason on it.</summary>
    Task MoveToPoisonAsync(OutreachMessage message, string reason, CancellationToken cancellationToken = default);
}

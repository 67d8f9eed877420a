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
}

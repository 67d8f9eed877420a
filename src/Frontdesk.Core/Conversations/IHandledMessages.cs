using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// The exactly-once ledger of inbound messages (the <c>HandledMessages</c> table): one row per wamid, kept at least
/// as long as Meta may redeliver (7 days). A message is claimed, then its decision is recorded, then dispatched.
/// </summary>
public interface IHandledMessages
{
    /// <summary>Claims the message for a decision, or tells what an earlier delivery already did with it.</summary>
    Task<HandledClaim> ClaimAsync(InboundMessage message, CancellationToken cancellationToken = default);

    /// <summary>Stores the decision; false when the claim was lost to another delivery meanwhile.</summary>
    Task<bool> RecordDecisionAsync(HandledClaim claim, RecordedDecision decision, CancellationToken cancellationToken = default);

    /// <summary>Marks the decision's replies as queued: later deliveries of the message do nothing.</summary>
    Task MarkDispatchedAsync(HandledClaim claim, CancellationToken cancellationToken = default);

    /// <summary>Deletes rows of messages older than <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}

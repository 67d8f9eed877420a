using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// The exactly-once ledger of inbound messages (the <c>HandledMessages</c> table): one row per wamid, kept at least
/// as long as Meta may redeliver (7 days). A delivery decides first and claims by recording its decision (one
/// insert); the row then doubles as the send ledger of the decision's reply chain (<see cref="ChainProgress"/>).
/// </summary>
public interface IHandledMessages
{
    /// <summary>
    /// Records <paramref name="decision"/> as this delivery's claim, or tells what an earlier delivery did with the
    /// message (its recorded decision stands, not this one).
    /// </summary>
    Task<HandledClaim> ClaimAsync(InboundMessage message, RecordedDecision decision, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the chain's cursor (and renews the lease), if the row is still as this delivery left it; indexes
    /// <paramref name="sent"/> in the same request. <paramref name="handing"/> says the rest is being handed to the
    /// queue. Returns the claim with its new version, or null when another delivery took the message over.
    /// </summary>
    Task<HandledClaim?> AdvanceAsync(HandledClaim claim, ChainProgress progress, SentReply? sent, bool handing = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes rows of messages older than <paramref name="olderThan"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);
}

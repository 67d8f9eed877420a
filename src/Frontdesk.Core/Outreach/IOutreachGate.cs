namespace Frontdesk.Core.Outreach;

/// <summary>
/// Consulted by the outreach sender before each send, after the message left the queue: a paused or cancelled
/// broadcast's already-queued messages must not go out, and an outcome sink hears too late to stop them. The gate
/// records what it holds back (a paused recipient goes back to be queued again on resume), so the sender only logs
/// the reason and completes the message, without a ledger write.
/// </summary>
public interface IOutreachGate
{
    /// <summary>Null: send it. Otherwise why it is not sent now ("broadcast X is paused").</summary>
    Task<string?> ReasonNotToSendAsync(OutreachMessage message, CancellationToken cancellationToken = default);
}

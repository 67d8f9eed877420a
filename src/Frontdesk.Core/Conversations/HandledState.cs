namespace Frontdesk.Core.Conversations;

/// <summary>What a claim found.</summary>
public enum HandledState
{
    /// <summary>This delivery's decision is recorded: it saves the contact and sends the chain.</summary>
    Claimed,

    /// <summary>
    /// Decided earlier and not finished, and that delivery's lease ran out (it died): carry on with the recorded
    /// decision from its cursor.
    /// </summary>
    Decided,

    /// <summary>
    /// Decided earlier and its remaining replies were being handed to the <c>outbound-messages</c> queue when that
    /// delivery died: hand them over again (the queue's ledger drops what it already has).
    /// </summary>
    Handing,

    /// <summary>Done before: a duplicate.</summary>
    Dispatched,

    /// <summary>Another delivery is sending this message's replies right now (its lease is live).</summary>
    Busy,
}

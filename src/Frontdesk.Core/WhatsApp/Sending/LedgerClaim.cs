namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>What the send ledger says about a reply's idempotency key when a delivery asks to send it.</summary>
public enum LedgerClaim
{
    /// <summary>This delivery owns the send: the row now says Sending.</summary>
    Claimed,

    AlreadySent,

    AlreadyFailed,

    /// <summary>An earlier delivery left it Unknown ("maybe sent"); it stays unsent.</summary>
    AlreadyUnknown,

    /// <summary>
    /// The row said Sending: another delivery is sending it right now, or one died mid-send, possibly after Meta
    /// accepted it. The ledger marked it Unknown; this delivery does not send.
    /// </summary>
    FoundSending,
}

namespace Frontdesk.Core.Broadcasts;

/// <summary>One recipient's place in a broadcast; it moves only forward, except Queued/Deferred back to Planned on a pause or a new window.</summary>
public enum RecipientState
{
    /// <summary>Waiting to be queued.</summary>
    Planned,

    /// <summary>On the outreach queue.</summary>
    Queued,

    /// <summary>Over the number's daily cap: waits for the next window (<c>NotBefore</c>).</summary>
    Deferred,

    /// <summary>Accepted by Meta.</summary>
    Sent,

    /// <summary>Refused by Meta, given up on, reported failed in a status, or no usable template.</summary>
    Failed,

    /// <summary>Opted out (STOP), or out of marketing for a marketing template: never sent.</summary>
    Skipped,

    /// <summary>The Graph call's answer was lost: Meta may have it; not resent.</summary>
    Unknown,

    /// <summary>The broadcast was cancelled before this recipient was sent.</summary>
    Cancelled,
}

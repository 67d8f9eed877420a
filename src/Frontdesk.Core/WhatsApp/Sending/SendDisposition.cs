namespace Frontdesk.Core.WhatsApp.Sending;

/// <summary>What the sender did with one queue message.</summary>
public enum SendDisposition
{
    Sent,

    /// <summary>The ledger says this key was already sent or failed for good: nothing done.</summary>
    SkippedDuplicate,

    /// <summary>Maybe sent (an earlier call's answer was lost, or this call's): recorded Unknown, not resent.</summary>
    MaybeSent,

    /// <summary>Throttled or transient: re-enqueued with a delay.</summary>
    RetryScheduled,

    /// <summary>Refused for good (by Meta or by the local limits): recorded Failed.</summary>
    Failed,

    /// <summary>Retryable failures until the last allowed attempt: recorded Failed and moved to the poison queue.</summary>
    Poisoned,

    /// <summary>A reply older than <c>Outbound__MaxReplyAgeMinutes</c>: recorded Failed, not sent.</summary>
    Expired,
}

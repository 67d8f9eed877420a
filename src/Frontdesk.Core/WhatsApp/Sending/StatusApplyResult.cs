namespace Frontdesk.Core.WhatsApp.Sending;

public enum StatusApplyResult
{
    /// <summary>The status moved the message forward and was recorded.</summary>
    Applied,

    /// <summary>The message was already at this status or further (a duplicate or an out-of-order webhook).</summary>
    Stale,
}

namespace Frontdesk.Core.Broadcasts;

/// <summary>Where a broadcast is; the <c>State</c> column of its summary row.</summary>
public enum BroadcastState
{
    /// <summary>Created; waits for its <c>startAt</c>.</summary>
    Scheduled,

    /// <summary>Its recipients are being queued and sent.</summary>
    Sending,

    /// <summary>Stopped by an operator or by a quality drop; <c>resume</c> continues where it stopped.</summary>
    Paused,

    /// <summary>Every recipient is settled (sent, failed, skipped or unknown).</summary>
    Done,

    /// <summary>Stopped for good by an operator; what was not sent stays unsent.</summary>
    Cancelled,
}

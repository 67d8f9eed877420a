namespace Frontdesk.Core.Conversations;

/// <summary>What a claim found.</summary>
public enum HandledState
{
    /// <summary>This delivery owns the decision.</summary>
    Claimed,

    /// <summary>Decided earlier but not (surely) dispatched, and that delivery's lease ran out: dispatch the recorded decision again.</summary>
    Decided,

    /// <summary>Done before: a duplicate.</summary>
    Dispatched,

    /// <summary>Another delivery is deciding, or queueing what it decided, right now (its lease is live).</summary>
    Busy,
}

namespace Frontdesk.Core.Conversations;

/// <summary>What a claim found.</summary>
public enum HandledState
{
    /// <summary>This delivery owns the decision.</summary>
    Claimed,

    /// <summary>Decided earlier but not (surely) dispatched: dispatch the recorded decision again.</summary>
    Decided,

    /// <summary>Done before: a duplicate.</summary>
    Dispatched,

    /// <summary>Another delivery is deciding right now.</summary>
    Busy,
}

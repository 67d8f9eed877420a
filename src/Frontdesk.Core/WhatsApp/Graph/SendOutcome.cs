namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>What one send attempt means for the message.</summary>
public enum SendOutcome
{
    /// <summary>Meta accepted it (not yet delivered).</summary>
    Accepted,

    /// <summary>A rate limit (130429, 131056, 80007, 4, HTTP 429): try again later, slower.</summary>
    Throttled,

    /// <summary>Meta or the network failed before accepting it (131000, 131016, 5xx, connection refused): try again.</summary>
    Transient,

    /// <summary>Retrying cannot help (131047, 131026, 100, 190, any other 4xx, or a body over Meta's limits).</summary>
    Permanent,

    /// <summary>No answer (timeout, connection lost after sending): Meta may have accepted it, so it is not resent.</summary>
    MaybeAccepted,
}

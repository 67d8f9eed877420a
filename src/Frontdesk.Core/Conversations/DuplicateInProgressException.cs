namespace Frontdesk.Core.Conversations;

/// <summary>
/// Another delivery of the same message is deciding right now. Thrown so the queue retries this delivery later,
/// when the other has finished (then this one is a no-op) or has died (then this one takes over).
/// </summary>
public sealed class DuplicateInProgressException : Exception
{
    public DuplicateInProgressException()
    {
    }

    public DuplicateInProgressException(string message)
        : base(message)
    {
    }

    public DuplicateInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

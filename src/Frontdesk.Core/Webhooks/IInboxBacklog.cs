namespace Frontdesk.Core.Webhooks;

/// <summary>How far the inbox is behind: a status webhook Meta sent may still be waiting in it.</summary>
public interface IInboxBacklog
{
    /// <summary>How long the oldest webhook body waiting in <c>webhook-inbox</c> has waited (zero when none waits).</summary>
    Task<TimeSpan> OldestWaitingAsync(CancellationToken cancellationToken = default);
}

namespace Frontdesk.Core.Broadcasts;

/// <summary>The <c>broadcast-fanout</c> queue: "queue the next page of this broadcast", for one fan-out chain (<see cref="BroadcastSummary.FanoutToken"/>), after an optional delay.</summary>
public interface IBroadcastFanoutQueue
{
    Task EnqueueAsync(string broadcastId, string fanoutToken, TimeSpan delay, CancellationToken cancellationToken = default);
}

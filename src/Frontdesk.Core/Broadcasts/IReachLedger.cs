namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// The unique customers each number reached with broadcasts in the last 24 hours (implemented in Frontdesk.Storage,
/// table <c>BroadcastReach</c>), so every broadcast of a number together stays under Meta's messaging limit.
/// </summary>
public interface IReachLedger
{
    /// <summary>
    /// Reserves room for <paramref name="customers"/> under <paramref name="dailyLimit"/> unique customers in the 24
    /// hours before <paramref name="now"/>: a customer reached already in that window costs nothing more. What does not fit
    /// is returned as deferred, with the moment the oldest reach in the window expires.
    /// </summary>
    Task<ReachReservation> ReserveAsync(string phoneNumberId, IReadOnlyList<string> customers, int dailyLimit, DateTimeOffset now, CancellationToken cancellationToken = default);
}

/// <summary>Who may be sent now, who waits, and from when room frees up again.</summary>
public sealed record ReachReservation(IReadOnlyList<string> Allowed, IReadOnlyList<string> Deferred, DateTimeOffset? NextWindowAt);

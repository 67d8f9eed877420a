namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// A broadcast's summary row, what an operator reads in the portal (<c>Broadcasts</c>, RowKey <c>summary</c>). Every
/// count but <see cref="Deferred"/> and <see cref="Unknown"/> only goes up: each is changed in the same table transaction as the recipient row
/// whose state moved (<see cref="BroadcastCounts"/>), so a count is exactly once per recipient.
/// </summary>
public sealed record BroadcastSummary
{
    /// <summary>How many first errors the row keeps.</summary>
    public const int MaxFirstErrors = 5;

    public required string Id { get; init; }

    public required string PhoneNumberId { get; init; }

    public string? Name { get; init; }

    /// <summary>The Templates RowKey (purpose) sent to every recipient.</summary>
    public required string Purpose { get; init; }

    public bool Marketing { get; init; }

    public BroadcastState State { get; init; }

    /// <summary>Every recipient, skipped ones included.</summary>
    public int Planned { get; init; }

    public int Sent { get; init; }

    public int Delivered { get; init; }

    public int Read { get; init; }

    public int Failed { get; init; }

    public int Skipped { get; init; }

    /// <summary>Waiting for the next window of the daily cap now (goes down as they are sent).</summary>
    public int Deferred { get; init; }

    public int Cancelled { get; init; }

    /// <summary>Sends whose answer was lost (maybe sent, never resent) and that no status has confirmed since.</summary>
    public int Unknown { get; init; }

    /// <summary>Recipients with nothing more to send; the broadcast is Done when it reaches <see cref="Planned"/>.</summary>
    public int Settled { get; init; }

    public IReadOnlyList<string> FirstErrors { get; init; } = [];

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    /// <summary>When the first recipients were queued.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>When the last send was accepted by Meta.</summary>
    public DateTimeOffset? LastSentAt { get; init; }

    /// <summary>The pace this broadcast is queued at now (lowered on Meta's 131056).</summary>
    public double MessagesPerSecond { get; init; }

    /// <summary>No page is queued before this time (Meta's 130429 throughput back-off).</summary>
    public DateTimeOffset? BackoffUntil { get; init; }

    /// <summary>When the daily cap lets the deferred recipients go.</summary>
    public DateTimeOffset? NextWindowAt { get; init; }

    /// <summary>Why the broadcast was paused or slowed, for the operator.</summary>
    public string? Warning { get; init; }

    /// <summary>
    /// The fan-out chain that may run: a fan-out message with another token is left (a chain from before a pause, or a
    /// second start), so pause and resume never leave two chains queueing the same broadcast.
    /// </summary>
    public string FanoutToken { get; init; } = string.Empty;

    /// <summary>The row's ETag.</summary>
    public string? Version { get; init; }

    public bool IsRunning => State is BroadcastState.Scheduled or BroadcastState.Sending;

    /// <summary>Adds <paramref name="error"/> to <see cref="FirstErrors"/> while there is room.</summary>
    public BroadcastSummary WithError(string? error) =>
        error is null || FirstErrors.Count >= MaxFirstErrors ? this : this with { FirstErrors = [.. FirstErrors, error] };
}

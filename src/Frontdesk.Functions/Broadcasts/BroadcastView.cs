namespace Frontdesk.Functions.Broadcasts;

/// <summary>What the broadcast endpoints answer: the summary row's counts, the pace achieved and the estimated end.</summary>
public sealed record BroadcastView
{
    public required string Id { get; init; }

    public required string PhoneNumberId { get; init; }

    public string? Name { get; init; }

    public required string Template { get; init; }

    public required string Category { get; init; }

    public required string State { get; init; }

    /// <summary>On a start: whether this request created it (false: the id existed, nothing new started).</summary>
    public bool? Started { get; init; }

    public int Planned { get; init; }

    public int Sent { get; init; }

    public int Delivered { get; init; }

    public int Read { get; init; }

    public int Failed { get; init; }

    public int Skipped { get; init; }

    public int Deferred { get; init; }

    public int Cancelled { get; init; }

    public int Unknown { get; init; }

    /// <summary>Recipients not settled yet (queued, planned or deferred).</summary>
    public int Remaining { get; init; }

    public IReadOnlyList<string> FirstErrors { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The pace it is queued at, per second.</summary>
    public double MessagesPerSecond { get; init; }

    /// <summary>Sends accepted per second between the first queued page and the last accepted send.</summary>
    public double? RateAchieved { get; init; }

    public DateTimeOffset? EstimatedEnd { get; init; }

    /// <summary>When recipients deferred by the daily cap go.</summary>
    public DateTimeOffset? NextWindowAt { get; init; }

    public DateTimeOffset? BackoffUntil { get; init; }

    public string? Warning { get; init; }
}

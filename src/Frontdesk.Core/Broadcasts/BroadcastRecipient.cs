namespace Frontdesk.Core.Broadcasts;

/// <summary>One recipient row of a broadcast (<c>Broadcasts</c> table, PartitionKey the broadcast id, RowKey the wa_id).</summary>
public sealed record BroadcastRecipient
{
    public required string WaId { get; init; }

    public RecipientState State { get; init; }

    /// <summary>The name a CSV gave, used for <c>{{name}}</c>.</summary>
    public string? Name { get; init; }

    /// <summary>A status webhook said delivered (or read, which implies it).</summary>
    public bool Delivered { get; init; }

    public bool Read { get; init; }

    /// <summary>Why it was skipped or failed.</summary>
    public string? Error { get; init; }

    /// <summary>A deferred recipient's next window.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>When the fan-out last queued it (a recipient queued long ago and still not settled is queued again).</summary>
    public DateTimeOffset? QueuedAt { get; init; }

    /// <summary>The row's ETag; null for a row not yet written.</summary>
    public string? Version { get; init; }

    /// <summary>Sent, failed, skipped, unknown or cancelled: nothing more will be sent to this recipient.</summary>
    public bool IsSettled => IsSettledState(State);

    public static bool IsSettledState(RecipientState state) =>
        state is RecipientState.Sent or RecipientState.Failed or RecipientState.Skipped or RecipientState.Unknown or RecipientState.Cancelled;
}

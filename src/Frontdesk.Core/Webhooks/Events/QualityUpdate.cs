namespace Frontdesk.Core.Webhooks.Events;

/// <summary>
/// A <c>phone_number_quality_update</c> change (reference §10): Meta flagged or unflagged a number, or moved its
/// messaging limit tier. It names the number by its display phone number, not by its phone_number_id.
/// </summary>
public sealed record QualityUpdate
{
    /// <summary>The WABA the change came with (<c>entry[].id</c>).</summary>
    public string? BusinessAccountId { get; init; }

    public string? DisplayPhoneNumber { get; init; }

    /// <summary><c>FLAGGED</c>, <c>UNFLAGGED</c>, <c>UPGRADE</c>, <c>DOWNGRADE</c>, <c>THROUGHPUT_UPGRADE</c>, or a value Meta adds later.</summary>
    public required string Event { get; init; }

    /// <summary>The number's messaging limit now, e.g. <c>TIER_250</c>.</summary>
    public string? CurrentLimit { get; init; }

    /// <summary>A drop in quality or tier: what pauses running marketing broadcasts.</summary>
    public bool IsDrop => Event.ToUpperInvariant() is "FLAGGED" or "DOWNGRADE";
}

namespace Frontdesk.Core.Webhooks.Events;

/// <summary>A status of a message the business sent (<c>statuses[]</c>): sent, delivered, read, played, failed.</summary>
public sealed record StatusUpdate
{
    public required string PhoneNumberId { get; init; }

    /// <summary>The wamid of the business's outbound message.</summary>
    public required string MessageId { get; init; }

    /// <summary>The raw status string; unknown values are kept.</summary>
    public required string Status { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public string? RecipientId { get; init; }

    public IReadOnlyList<WhatsAppError> Errors { get; init; } = [];

    /// <summary>The <c>biz_opaque_callback_data</c> the send carried (Frontdesk sets <c>frontdesk:</c> + its idempotency key).</summary>
    public string? BizOpaqueCallbackData { get; init; }
}

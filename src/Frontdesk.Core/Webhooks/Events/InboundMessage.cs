namespace Frontdesk.Core.Webhooks.Events;

/// <summary>One message a customer sent to one of the business's numbers, flattened out of a webhook body.</summary>
public sealed record InboundMessage
{
    /// <summary>The business number that received it (<c>metadata.phone_number_id</c>); replies are sent from it.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The business number as displayed (<c>metadata.display_phone_number</c>).</summary>
    public string? DisplayPhoneNumber { get; init; }

    /// <summary>The customer's WhatsApp id (<c>from</c>, digits without a plus sign).</summary>
    public required string From { get; init; }

    /// <summary>The customer's profile name, when the webhook carried a matching contact.</summary>
    public string? ProfileName { get; init; }

    /// <summary>The message id (wamid): the key for exactly-once handling.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The raw <c>type</c> string; unknown types are kept, never rejected.</summary>
    public required string Type { get; init; }

    public required InboundContent Content { get; init; }

    /// <summary>The wamid of the business message this one answers (<c>context.id</c>), if any.</summary>
    public string? ContextMessageId { get; init; }
}

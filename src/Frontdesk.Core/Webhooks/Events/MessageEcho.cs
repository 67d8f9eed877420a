namespace Frontdesk.Core.Webhooks.Events;

/// <summary>
/// A message the business itself sent from the WhatsApp Business app or a linked device, echoed by Meta
/// (<c>smb_message_echoes</c>, coexistence numbers only). Never answered: it tells Frontdesk a person is talking.
/// </summary>
public sealed record MessageEcho
{
    /// <summary>The business number that sent it (<c>metadata.phone_number_id</c>).</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The business number as displayed; the echo's <c>from</c>.</summary>
    public string? DisplayPhoneNumber { get; init; }

    /// <summary>The customer it went to (<c>to</c>, digits without a plus sign).</summary>
    public required string To { get; init; }

    /// <summary>The echoed message's wamid.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string Type { get; init; }

    public required InboundContent Content { get; init; }

    /// <summary>The <c>biz_opaque_callback_data</c> the send carried, if Meta echoed one.</summary>
    public string? BizOpaqueCallbackData { get; init; }
}

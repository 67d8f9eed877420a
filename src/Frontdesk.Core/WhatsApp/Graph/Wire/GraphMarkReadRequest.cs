namespace Frontdesk.Core.WhatsApp.Graph.Wire;

/// <summary>Mark-as-read: the same endpoint, a different body and a <c>{"success":true}</c> answer.</summary>
internal sealed record GraphMarkReadRequest
{
    public string MessagingProduct { get; init; } = "whatsapp";

    public string Status { get; init; } = "read";

    public required string MessageId { get; init; }
}

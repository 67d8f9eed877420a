using Frontdesk.Core.Limits;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Identifiers;

/// <summary>
/// The ids inside a signed webhook, checked before any of them becomes a table key or a log value: Meta signs what it
/// sends, but a signature proves who sent a body, not that its ids are sane. A message or status with a malformed id
/// is skipped (with a warning naming the field, never its value) instead of failing the whole body into poison.
/// </summary>
public static class WebhookIds
{
    /// <summary>The name of the first malformed id of a message, or null when they are all valid.</summary>
    public static string? Malformed(InboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return !PhoneNumberId.TryParse(message.PhoneNumberId, out _) ? "metadata.phone_number_id"
            : !WaId.TryParse(message.From, out _) ? "from"
            : !IsMessageId(message.Id) ? "id"
            : message.ContextMessageId is { } quoted && !IsMessageId(quoted) ? "context.id"
            : null;
    }

    /// <summary>The name of the first malformed id of a status, or null when they are all valid.</summary>
    public static string? Malformed(StatusUpdate status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return !PhoneNumberId.TryParse(status.PhoneNumberId, out _) ? "metadata.phone_number_id"
            : !IsMessageId(status.MessageId) ? "id"
            : status.RecipientId is { } recipient && !WaId.TryParse(recipient, out _) ? "recipient_id"
            : null;
    }

    /// <summary>A wamid: 1 to <see cref="InputLimits.MessageId"/> characters, none of them a control character.</summary>
    public static bool IsMessageId(string? id) =>
        id is { Length: > 0 and <= InputLimits.MessageId } && !id.Any(char.IsControl);

    /// <summary>The length of a field's value, for the warning that must not quote it.</summary>
    public static int LengthOf(InboundMessage message, string field) => field switch
    {
        "metadata.phone_number_id" => message?.PhoneNumberId?.Length ?? 0,
        "from" => message?.From?.Length ?? 0,
        "id" => message?.Id?.Length ?? 0,
        _ => message?.ContextMessageId?.Length ?? 0,
    };

    public static int LengthOf(StatusUpdate status, string field) => field switch
    {
        "metadata.phone_number_id" => status?.PhoneNumberId?.Length ?? 0,
        "id" => status?.MessageId?.Length ?? 0,
        _ => status?.RecipientId?.Length ?? 0,
    };
}

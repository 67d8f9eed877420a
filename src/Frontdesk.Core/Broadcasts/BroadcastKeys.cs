using Frontdesk.Core.Identifiers;
using Frontdesk.Core.WhatsApp.Graph;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// A broadcast's id (1 to 64 letters, digits, <c>.</c>, <c>_</c> or <c>-</c>: safe as a table key, in a URL path and in
/// a log line) and the idempotency key of each of its sends, <c>broadcast:{id}:{wa_id}</c>, which every send carries as
/// <c>biz_opaque_callback_data</c> (<c>frontdesk:broadcast:{id}:{wa_id}</c>) so a status names its broadcast.
/// </summary>
public static class BroadcastKeys
{
    public const int MaxIdLength = 64;

    public const string IdFormat = "1 to 64 letters, digits, '.', '_' or '-'";

    public const string KeyPrefix = "broadcast:";

    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= MaxIdLength } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public static string IdempotencyKey(string broadcastId, string waId) => $"{KeyPrefix}{broadcastId}:{waId}";

    /// <summary>The broadcast and recipient of an idempotency key, or false when it is not a broadcast's.</summary>
    public static bool TryParseKey(string? key, out string broadcastId, out string waId)
    {
        broadcastId = waId = string.Empty;
        if (key is null || !key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key.AsSpan(KeyPrefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || !IsValidId(rest[..colon].ToString()) || !WaId.TryParse(rest[(colon + 1)..].ToString(), out var customer))
        {
            return false;
        }

        broadcastId = rest[..colon].ToString();
        waId = customer.Value;
        return true;
    }

    /// <summary>The broadcast and recipient a status's <c>biz_opaque_callback_data</c> names.</summary>
    public static bool TryParseCallback(string? callbackData, out string broadcastId, out string waId)
    {
        broadcastId = waId = string.Empty;
        return GraphRequestBuilder.IsOwnCallback(callbackData)
            && TryParseKey(callbackData![GraphRequestBuilder.CallbackPrefix.Length..], out broadcastId, out waId);
    }
}

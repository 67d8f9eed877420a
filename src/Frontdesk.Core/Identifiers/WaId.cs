using System.Buffers;

namespace Frontdesk.Core.Identifiers;

/// <summary>
/// A customer's WhatsApp id: the <c>wa_id</c> (digits, a leading <c>+</c> dropped), or a business-scoped user id
/// (BSUID: an ISO country code, a dot and up to 128 letters or digits, e.g. <c>US.1349…</c>; reference §3). Both are
/// safe as a table key and in a log line as they are.
/// </summary>
public readonly record struct WaId
{
    public const int MaxDigits = 20;

    public const int MaxScopedLength = 128;

    public const string Format = "the customer's wa_id (digits, at most 20) or business-scoped user id (such as US.13491208655302741918)";

    private static readonly SearchValues<char> s_scopedChars =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private WaId(string value) => Value = value;

    public string Value { get => field ?? string.Empty; }

    public static bool TryParse(string? text, out WaId id)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.StartsWith('+'))
        {
            trimmed = trimmed[1..];
        }

        id = IsPhoneDigits(trimmed) || IsScopedUserId(trimmed) ? new WaId(trimmed) : default;
        return id.Value.Length > 0;
    }

    public override string ToString() => Value;

    private static bool IsPhoneDigits(string text) =>
        text.Length is > 0 and <= MaxDigits && text.All(char.IsAsciiDigit);

    private static bool IsScopedUserId(string text) =>
        text.Length is > 3 and <= 3 + MaxScopedLength
        && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && text[2] == '.'
        && !text.AsSpan(3).ContainsAnyExcept(s_scopedChars);
}

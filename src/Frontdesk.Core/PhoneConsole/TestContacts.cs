namespace Frontdesk.Core.PhoneConsole;

/// <summary>Which customers are the console's pretend ones: every check of "may the console touch this" goes through here.</summary>
public static class TestContacts
{
    /// <summary>The longest wa_id a phone number gives (E.164 has at most 15 digits; Meta's ids stay under 20).</summary>
    public const int MaxLength = 20;

    /// <summary>True when <paramref name="waId"/> is digits only, longer than the prefix, and starts with it.</summary>
    public static bool IsTestContact(string? waId, string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return waId is not null
            && waId.Length > prefix.Length
            && waId.Length <= MaxLength
            && waId.StartsWith(prefix, StringComparison.Ordinal)
            && waId.All(char.IsAsciiDigit);
    }
}

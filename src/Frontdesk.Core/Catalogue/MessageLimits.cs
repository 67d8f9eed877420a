namespace Frontdesk.Core.Catalogue;

/// <summary>Meta's limits on the messages the catalogue sends (whatsapp-cloud-api.md §5.2).</summary>
public static class MessageLimits
{
    public const int TextBody = 4096;
    public const int ListRows = 10;
    public const int ListButton = 20;
    public const int ListRowTitle = 24;
    public const int ListRowDescription = 72;
    public const int ListSectionTitle = 24;
    public const int HeaderText = 60;
    public const int Footer = 60;
    public const int InteractiveBody = 1024;
    public const int ProductListItems = 30;
    public const int ProductListSections = 10;
    public const int ProductSectionTitle = 24;

    /// <summary>Cuts to <paramref name="max"/> characters with an ellipsis, never splitting a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), "…");
    }
}

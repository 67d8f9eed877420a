using Frontdesk.Core.WhatsApp.Graph;

namespace Frontdesk.Core.Catalogue;

/// <summary>The limits the catalogue's replies keep: the sender's own numbers (<see cref="WhatsAppLimits"/>), by catalogue names.</summary>
public static class CatalogueLimits
{
    public const int TextBody = WhatsAppLimits.TextBody;
    public const int ListBody = WhatsAppLimits.ListBody;
    public const int ListRows = WhatsAppLimits.MaxListRows;
    public const int ListButton = WhatsAppLimits.ListButton;
    public const int ListRowTitle = WhatsAppLimits.RowTitle;
    public const int ListRowDescription = WhatsAppLimits.RowDescription;
    public const int ListSectionTitle = WhatsAppLimits.SectionTitle;
    public const int HeaderText = WhatsAppLimits.Header;
    public const int Footer = WhatsAppLimits.Footer;
    public const int InteractiveBody = WhatsAppLimits.InteractiveBody;
    public const int ProductListItems = WhatsAppLimits.MaxProducts;
    public const int ProductListSections = WhatsAppLimits.MaxSections;
    public const int ProductSectionTitle = WhatsAppLimits.SectionTitle;

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

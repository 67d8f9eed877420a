namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// Meta's documented limits for the message types Frontdesk sends (whatsapp-cloud-api.md §5.2). Public so the rules
/// engine can check a portal row against the same numbers the sender enforces.
/// </summary>
public static class WhatsAppLimits
{
    public const int TextBody = 4096;
    public const int InteractiveBody = 1024;

    /// <summary>Meta's current page says 4096, its older SDK docs 1024: the smaller is the one that cannot fail.</summary>
    public const int ListBody = 1024;

    public const int Header = 60;
    public const int Footer = 60;
    public const int MaxButtons = 3;
    public const int ButtonId = 256;
    public const int ButtonTitle = 20;
    public const int ListButton = 20;
    public const int MaxSections = 10;
    public const int SectionTitle = 24;
    public const int MaxListRows = 10;
    public const int RowId = 200;
    public const int RowTitle = 24;
    public const int RowDescription = 72;
    public const int MaxProducts = 30;
}

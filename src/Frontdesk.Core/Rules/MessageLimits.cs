namespace Frontdesk.Core.Rules;

/// <summary>Meta's limits on the messages a rule can produce (whatsapp-cloud-api.md §5.2).</summary>
public static class MessageLimits
{
    public const int TextBody = 4096;
    public const int ButtonsBody = 1024;
    public const int MaxButtons = 3;
    public const int ButtonTitle = 20;
    public const int ListBody = 4096;
    public const int ListButton = 20;
    public const int ListRows = 10;
    public const int ListRowTitle = 24;
    public const int ListRowDescription = 72;

    /// <summary>Automatic messages in answer to one inbound message (Meta's pair rate limit).</summary>
    public const int RepliesPerMessage = 3;
}

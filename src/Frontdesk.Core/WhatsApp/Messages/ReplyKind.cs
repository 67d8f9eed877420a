namespace Frontdesk.Core.WhatsApp.Messages;

/// <summary>Why a reply was sent: the dimension operators chart replies by (workbook, logs).</summary>
public enum ReplyKind
{
    Greeting,
    Menu,
    Away,
    Rule,
    Catalogue,
    Order,
    Fallback,
    OptOut,
    OptIn,
    Handoff,
    ReadReceipt,
}

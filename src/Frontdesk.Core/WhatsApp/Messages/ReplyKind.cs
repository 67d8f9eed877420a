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

    /// <summary>Not a reply: a message the business starts (a restock alert, a broadcast), sent by the outreach sender.</summary>
    Outreach,
}

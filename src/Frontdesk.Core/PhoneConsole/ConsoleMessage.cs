namespace Frontdesk.Core.PhoneConsole;

/// <summary>
/// What the console's customer sends: a <c>text</c>, a tapped button or list row (<c>reply</c>), or an <c>order</c>
/// from a product card. Stored as the console's copy of the inbound message.
/// </summary>
public sealed record ConsoleMessage(string Type, string? Text = null, ConsoleReply? Reply = null, ConsoleOrder? Order = null)
{
    public const string TextType = "text";
    public const string ReplyType = "reply";
    public const string OrderType = "order";
}

/// <summary>A tapped reply button (<c>button</c>, sent as <c>button_reply</c>) or list row (<c>list</c>, sent as <c>list_reply</c>).</summary>
public sealed record ConsoleReply(string Kind, string Id, string Title, string? Description = null)
{
    public const string Button = "button";
    public const string List = "list";
}

/// <summary>An order from the catalogue, as Meta's <c>order</c> message carries it.</summary>
public sealed record ConsoleOrder(string? CatalogId, IReadOnlyList<ConsoleOrderItem> Items, string? Text = null);

public sealed record ConsoleOrderItem(string ProductRetailerId, int Quantity, decimal ItemPrice, string Currency);

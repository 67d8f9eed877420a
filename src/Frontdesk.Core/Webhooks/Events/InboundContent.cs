namespace Frontdesk.Core.Webhooks.Events;

/// <summary>What an inbound message carries; one sealed leaf per kind Frontdesk acts on.</summary>
public abstract record InboundContent;

/// <summary><c>type: text</c>.</summary>
public sealed record TextContent(string Body) : InboundContent;

/// <summary><c>type: interactive</c>: a tapped reply button (<c>button_reply</c>) or a picked list row (<c>list_reply</c>).</summary>
public sealed record InteractiveReplyContent(string Kind, string Id, string Title, string? Description) : InboundContent;

/// <summary><c>type: button</c>: a template's quick-reply button.</summary>
public sealed record TemplateButtonContent(string Payload, string Text) : InboundContent;

/// <summary><c>image</c>, <c>video</c>, <c>audio</c>, <c>document</c>, <c>sticker</c>.</summary>
public sealed record MediaContent(string Kind, string? MediaId, string? MimeType, string? Caption) : InboundContent;

/// <summary><c>type: location</c>.</summary>
public sealed record LocationContent(double? Latitude, double? Longitude, string? Name, string? Address) : InboundContent;

/// <summary><c>type: order</c>: a cart sent from a catalogue, single- or multi-product message.</summary>
public sealed record OrderContent(string? CatalogId, string? Text, IReadOnlyList<OrderItem> Items) : InboundContent;

/// <summary>One line of an order.</summary>
public sealed record OrderItem(string ProductRetailerId, int Quantity, decimal ItemPrice, string Currency);

/// <summary><c>type: unsupported</c>, with Meta's reason.</summary>
public sealed record UnsupportedContent(string? UnsupportedType, IReadOnlyList<WhatsAppError> Errors) : InboundContent;

/// <summary><c>type: reaction</c>: an emoji on one of the business's messages; an empty emoji removes the reaction.</summary>
public sealed record ReactionContent(string? MessageId, string? Emoji) : InboundContent;

/// <summary>
/// <c>type: edit</c> (coexistence numbers): the customer changed an earlier message. <see cref="Edited"/> is the new
/// content, parsed like any message (null when Meta sent none Frontdesk can read).
/// </summary>
public sealed record EditContent(string OriginalMessageId, string? EditedType, InboundContent? Edited) : InboundContent;

/// <summary><c>type: revoke</c>: the sender deleted an earlier message.</summary>
public sealed record RevokeContent(string? OriginalMessageId) : InboundContent;

/// <summary><c>type: request_welcome</c>: a customer opened the chat for the first time (no content object).</summary>
public sealed record RequestWelcomeContent : InboundContent;

/// <summary>Any other type (contacts, system, a type Meta adds later): kept by its raw name.</summary>
public sealed record OtherContent(string Type) : InboundContent;

using System.Text.Json.Serialization;

namespace Frontdesk.Core.WhatsApp.Messages;

/// <summary>What one outbound WhatsApp message says; the Graph client turns each leaf into Meta's JSON.</summary>
/// <remarks>The discriminator lets the queue payload carry any leaf through source-generated JSON.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(TextBody), "text")]
[JsonDerivedType(typeof(ButtonsBody), "buttons")]
[JsonDerivedType(typeof(ListBody), "list")]
[JsonDerivedType(typeof(ProductBody), "product")]
[JsonDerivedType(typeof(ProductListBody), "product_list")]
[JsonDerivedType(typeof(MarkReadBody), "mark_read")]
[JsonDerivedType(typeof(TemplateBody), "template")]
public abstract record OutboundBody;

/// <summary>A text message (body ≤ 4096 characters).</summary>
public sealed record TextBody(string Text, bool PreviewUrl = false) : OutboundBody;

/// <summary>Interactive reply buttons: 1–3 buttons, body ≤ 1024, title ≤ 20.</summary>
public sealed record ButtonsBody(string Text, IReadOnlyList<ReplyButton> Buttons, string? Footer = null) : OutboundBody;

public sealed record ReplyButton(string Id, string Title);

/// <summary>An interactive list: ≤ 10 sections and ≤ 10 rows in all; button ≤ 20, row title ≤ 24, description ≤ 72.</summary>
public sealed record ListBody(
    string Text,
    string ButtonLabel,
    IReadOnlyList<ListSection> Sections,
    string? Header = null,
    string? Footer = null) : OutboundBody;

public sealed record ListSection(string? Title, IReadOnlyList<ListRow> Rows);

public sealed record ListRow(string Id, string Title, string? Description = null);

/// <summary>A single-product message from the business's Meta catalogue.</summary>
public sealed record ProductBody(string CatalogId, string ProductRetailerId, string? Text = null, string? Footer = null) : OutboundBody;

/// <summary>A multi-product message: text header required, ≤ 10 sections, ≤ 30 products.</summary>
public sealed record ProductListBody(
    string CatalogId,
    string Header,
    string Text,
    IReadOnlyList<ProductSection> Sections,
    string? Footer = null) : OutboundBody;

public sealed record ProductSection(string Title, IReadOnlyList<string> ProductRetailerIds);

/// <summary>Marks an inbound message (and those before it in the chat) as read.</summary>
public sealed record MarkReadBody(string MessageId) : OutboundBody;

/// <summary>
/// An approved message template with its parameters filled in: the only message Meta delivers outside the customer's
/// 24-hour window. <paramref name="Language"/> is Meta's code (<c>fr</c>, <c>en_US</c>); <paramref name="BodyParameters"/>
/// fill the body's {{1}}, {{2}}… in order; <paramref name="HeaderImageLink"/> fills an image header and
/// <paramref name="ButtonUrlSuffix"/> the dynamic part of the first URL button.
/// </summary>
public sealed record TemplateBody(
    string Name,
    string Language,
    IReadOnlyList<string> BodyParameters,
    string? HeaderImageLink = null,
    string? ButtonUrlSuffix = null) : OutboundBody;

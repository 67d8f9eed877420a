using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Frontdesk.Core.Limits;
using Frontdesk.Core.WhatsApp.Graph.Wire;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// Turns an <see cref="OutboundMessage"/> into the JSON the Graph API expects, or says why it cannot: a body over
/// Meta's limits is refused here (Meta would answer 100 or 131009) instead of being cut, so nobody receives half a menu.
/// </summary>
public static class GraphRequestBuilder
{
    /// <summary>
    /// Every send carries <c>biz_opaque_callback_data</c> = this prefix + the reply's idempotency key, so a status or
    /// an echo of it is recognised as Frontdesk's own (never as the owner answering by hand).
    /// </summary>
    public const string CallbackPrefix = "frontdesk:";

    /// <summary>True when <paramref name="callbackData"/> was set by Frontdesk.</summary>
    public static bool IsOwnCallback(string? callbackData) =>
        callbackData is not null && callbackData.StartsWith(CallbackPrefix, StringComparison.Ordinal);

    private static string CallbackData(OutboundMessage message)
    {
        var data = CallbackPrefix + message.IdempotencyKey;
        return data.Length <= WhatsAppLimits.CallbackData ? data : data[..WhatsAppLimits.CallbackData];
    }

    public static bool TryBuild(
        OutboundMessage message,
        [NotNullWhen(true)] out string? json,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(message);
        json = null;
        problem = Check(message);
        if (problem is not null)
        {
            return false;
        }

        json = message.Body is MarkReadBody read
            ? JsonSerializer.Serialize(new GraphMarkReadRequest { MessageId = read.MessageId }, GraphJsonContext.Default.GraphMarkReadRequest)
            : JsonSerializer.Serialize(ToRequest(message), GraphJsonContext.Default.GraphMessageRequest);
        return true;
    }

    private static GraphMessageRequest ToRequest(OutboundMessage message)
    {
        var context = message.Quote && !string.IsNullOrEmpty(message.InReplyTo) ? new GraphContext(message.InReplyTo) : null;
        var callback = CallbackData(message);
        return message.Body switch
        {
            TemplateBody template => new GraphMessageRequest
            {
                To = message.To, Type = "template", Context = context, Template = ToTemplate(template), BizOpaqueCallbackData = callback,
            },
            TextBody text => new GraphMessageRequest
            {
                To = message.To, Type = "text", Context = context, Text = new GraphText(text.PreviewUrl, text.Text), BizOpaqueCallbackData = callback,
            },
            _ => new GraphMessageRequest
            {
                To = message.To, Type = "interactive", Context = context, Interactive = ToInteractive(message.Body), BizOpaqueCallbackData = callback,
            },
        };
    }

    private static GraphTemplate ToTemplate(TemplateBody template)
    {
        var components = new List<GraphTemplateComponent>();
        if (!string.IsNullOrEmpty(template.HeaderImageLink))
        {
            components.Add(new GraphTemplateComponent
            {
                Type = "header",
                Parameters = [new GraphTemplateParameter { Type = "image", Image = new GraphMediaLink(template.HeaderImageLink) }],
            });
        }

        if (template.BodyParameters.Count > 0)
        {
            components.Add(new GraphTemplateComponent
            {
                Type = "body",
                Parameters = [.. template.BodyParameters.Select(p => new GraphTemplateParameter { Type = "text", Text = p })],
            });
        }

        if (!string.IsNullOrEmpty(template.ButtonUrlSuffix))
        {
            components.Add(new GraphTemplateComponent
            {
                Type = "button",
                SubType = "url",
                Index = "0",
                Parameters = [new GraphTemplateParameter { Type = "text", Text = template.ButtonUrlSuffix }],
            });
        }

        return new GraphTemplate(template.Name, new GraphLanguage(template.Language), components.Count == 0 ? null : components);
    }

    private static GraphInteractive ToInteractive(OutboundBody body) => body switch
    {
        ButtonsBody buttons => new GraphInteractive
        {
            Type = "button",
            Body = new GraphTextObject(buttons.Text),
            Footer = TextObject(buttons.Footer),
            Action = new GraphAction
            {
                Buttons = [.. buttons.Buttons.Select(b => new GraphButton("reply", new GraphReply(b.Id, b.Title)))],
            },
        },
        ListBody list => new GraphInteractive
        {
            Type = "list",
            Header = string.IsNullOrEmpty(list.Header) ? null : new GraphHeader("text", list.Header),
            Body = new GraphTextObject(list.Text),
            Footer = TextObject(list.Footer),
            Action = new GraphAction
            {
                Button = list.ButtonLabel,
                Sections =
                [
                    .. list.Sections.Select(s => new GraphSection
                    {
                        Title = string.IsNullOrEmpty(s.Title) ? null : s.Title,
                        Rows = [.. s.Rows.Select(r => new GraphRow(r.Id, r.Title, string.IsNullOrEmpty(r.Description) ? null : r.Description))],
                    }),
                ],
            },
        },
        ProductBody product => new GraphInteractive
        {
            Type = "product",
            Body = TextObject(product.Text),
            Footer = TextObject(product.Footer),
            Action = new GraphAction { CatalogId = product.CatalogId, ProductRetailerId = product.ProductRetailerId },
        },
        ProductListBody products => new GraphInteractive
        {
            Type = "product_list",
            Header = new GraphHeader("text", products.Header),
            Body = new GraphTextObject(products.Text),
            Footer = TextObject(products.Footer),
            Action = new GraphAction
            {
                CatalogId = products.CatalogId,
                Sections =
                [
                    .. products.Sections.Select(s => new GraphSection
                    {
                        Title = s.Title,
                        ProductItems = [.. s.ProductRetailerIds.Select(id => new GraphProductItem(id))],
                    }),
                ],
            },
        },
        _ => throw new NotSupportedException($"No Graph JSON for {body.GetType().Name}."),
    };

    private static GraphTextObject? TextObject(string? text) => string.IsNullOrEmpty(text) ? null : new GraphTextObject(text);

    /// <summary>The first reason Meta would refuse this message, or null.</summary>
    public static string? Check(OutboundMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.PhoneNumberId) || message.PhoneNumberId.Contains('/', StringComparison.Ordinal))
        {
            return $"phone_number_id '{message.PhoneNumberId}' is not usable in the Graph URL";
        }

        if (message.Body is not MarkReadBody && string.IsNullOrWhiteSpace(message.To))
        {
            return "the recipient (to) is empty";
        }

        return message.Body switch
        {
            TextBody t => Text("text body", t.Text, WhatsAppLimits.TextBody),
            ButtonsBody b => CheckButtons(b),
            ListBody l => CheckList(l),
            ProductBody p => Required("catalog_id", p.CatalogId)
                ?? Required("product_retailer_id", p.ProductRetailerId)
                ?? Optional("product body", p.Text, WhatsAppLimits.InteractiveBody)
                ?? Optional("product footer", p.Footer, WhatsAppLimits.Footer),
            ProductListBody pl => CheckProductList(pl),
            MarkReadBody r => Required("message_id to mark as read", r.MessageId),
            TemplateBody t => CheckTemplate(t),
            null => "the message has no body",
            _ => $"no Graph JSON for {message.Body.GetType().Name}",
        };
    }

    private static string? CheckTemplate(TemplateBody t)
    {
        if (t.HeaderImageLink is { Length: > 0 } link
            && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            return $"template header image '{Preview(link)}' is not an http(s) link";
        }

        // Meta refuses an empty parameter (131008) and one with a new line or a tab (132018).
        return Required("template name", t.Name)
            ?? Required("template language", t.Language)
            ?? (t.BodyParameters ?? []).Select((p, i) => Required($"template body parameter {i + 1}", p) ?? Flat($"template body parameter {i + 1}", p))
                .FirstOrDefault(p => p is not null)
            ?? (t.ButtonUrlSuffix is null ? null : Flat("template button URL suffix", t.ButtonUrlSuffix));
    }

    private static string? Flat(string what, string value) =>
        value.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0 ? $"{what} contains a new line or a tab, which Meta refuses in template parameters" : null;

    private static string? CheckButtons(ButtonsBody b)
    {
        if (b.Buttons is null || b.Buttons.Count is < 1 or > WhatsAppLimits.MaxButtons)
        {
            return $"reply buttons need 1 to {WhatsAppLimits.MaxButtons} buttons, not {b.Buttons?.Count ?? 0}";
        }

        if (b.Buttons.Select(x => x.Title).Distinct(StringComparer.Ordinal).Count() != b.Buttons.Count)
        {
            return "reply button titles must be unique";
        }

        return Text("buttons body", b.Text, WhatsAppLimits.InteractiveBody)
            ?? Optional("buttons footer", b.Footer, WhatsAppLimits.Footer)
            ?? b.Buttons.Select(x => Text("button id", x.Id, WhatsAppLimits.ButtonId) ?? Text("button title", x.Title, WhatsAppLimits.ButtonTitle))
                .FirstOrDefault(p => p is not null);
    }

    private static string? CheckList(ListBody l)
    {
        if (l.Sections is null || l.Sections.Count is < 1 or > WhatsAppLimits.MaxSections)
        {
            return $"a list needs 1 to {WhatsAppLimits.MaxSections} sections, not {l.Sections?.Count ?? 0}";
        }

        var rows = l.Sections.Sum(s => s.Rows?.Count ?? 0);
        if (rows is < 1 or > WhatsAppLimits.MaxListRows || l.Sections.Any(s => s.Rows is null || s.Rows.Count == 0))
        {
            return $"a list needs 1 to {WhatsAppLimits.MaxListRows} rows in all and no empty section, not {rows} rows";
        }

        if (l.Sections.Count > 1 && l.Sections.Any(s => string.IsNullOrWhiteSpace(s.Title)))
        {
            return "a list with several sections needs a title on each";
        }

        return Text("list body", l.Text, WhatsAppLimits.ListBody)
            ?? Text("list button", l.ButtonLabel, WhatsAppLimits.ListButton)
            ?? Optional("list header", l.Header, WhatsAppLimits.Header)
            ?? Optional("list footer", l.Footer, WhatsAppLimits.Footer)
            ?? l.Sections.Select(s => Optional("section title", s.Title, WhatsAppLimits.SectionTitle)
                    ?? s.Rows.Select(r => Text("row id", r.Id, WhatsAppLimits.RowId)
                            ?? Text("row title", r.Title, WhatsAppLimits.RowTitle)
                            ?? Optional("row description", r.Description, WhatsAppLimits.RowDescription))
                        .FirstOrDefault(p => p is not null))
                .FirstOrDefault(p => p is not null);
    }

    private static string? CheckProductList(ProductListBody pl)
    {
        if (pl.Sections is null || pl.Sections.Count is < 1 or > WhatsAppLimits.MaxSections)
        {
            return $"a product list needs 1 to {WhatsAppLimits.MaxSections} sections, not {pl.Sections?.Count ?? 0}";
        }

        var products = pl.Sections.Sum(s => s.ProductRetailerIds?.Count ?? 0);
        if (products is < 1 or > WhatsAppLimits.MaxProducts || pl.Sections.Any(s => s.ProductRetailerIds is null || s.ProductRetailerIds.Count == 0))
        {
            return $"a product list needs 1 to {WhatsAppLimits.MaxProducts} products in all and no empty section, not {products}";
        }

        return Required("catalog_id", pl.CatalogId)
            ?? Text("product list header", pl.Header, WhatsAppLimits.Header)
            ?? Text("product list body", pl.Text, WhatsAppLimits.InteractiveBody)
            ?? Optional("product list footer", pl.Footer, WhatsAppLimits.Footer)
            ?? pl.Sections.Select(s => Text("section title", s.Title, WhatsAppLimits.SectionTitle)
                    ?? s.ProductRetailerIds.Select(id => Required("product_retailer_id", id)).FirstOrDefault(p => p is not null))
                .FirstOrDefault(p => p is not null);
    }

    private static string? Required(string what, string? value) =>
        string.IsNullOrWhiteSpace(value) ? $"{what} is empty" : null;

    private static string? Text(string what, string? value, int max) =>
        Required(what, value) ?? Optional(what, value, max);

    private static string? Optional(string what, string? value, int max) =>
        value is not null && value.Length > max
            ? $"{what} is {value.Length} characters; Meta allows {max}: \"{Preview(value)}\""
            : null;

    private static string Preview(string value) => value.Length <= 40 ? value : value[..40] + "…";
}

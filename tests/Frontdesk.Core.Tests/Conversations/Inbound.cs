using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>Inbound messages as the parser produces them.</summary>
internal static class Inbound
{
    public static InboundMessage Text(string body, string? name = "Anna") => Of("text", new TextContent(body), name);

    public static InboundMessage ListReply(string id, string title) => Of("interactive", new InteractiveReplyContent("list_reply", id, title, null));

    public static InboundMessage ButtonReply(string id, string title) => Of("interactive", new InteractiveReplyContent("button_reply", id, title, null));

    public static InboundMessage TemplateButton(string payload, string text) => Of("button", new TemplateButtonContent(payload, text));

    public static InboundMessage Image() => Of("image", new MediaContent("image", "m1", "image/jpeg", "hours?"));

    public static InboundMessage Order() => Of("order", new OrderContent("cat", "for tomorrow", [new OrderItem("sku-1", 2, 1.2m, "EUR")]));

    public static InboundMessage Reaction(string emoji) => Of("reaction", new ReactionContent("wamid.OUT1", emoji));

    public static InboundMessage Revoke() => Of("revoke", new RevokeContent("wamid.IN0"));

    public static InboundMessage Unsupported() => Of("unsupported", new UnsupportedContent("edit", [new WhatsAppError(131051, "Message type unknown", null, null)]));

    public static InboundMessage Welcome() => Of("request_welcome", new RequestWelcomeContent());

    public static InboundMessage WithId(this InboundMessage message, string id) => message with { Id = id };

    private static InboundMessage Of(string type, InboundContent content, string? name = "Anna") => new()
    {
        PhoneNumberId = Tests.Rules.Rows.Number,
        From = "33600000001",
        ProfileName = name,
        Id = "wamid.IN1",
        Timestamp = DateTimeOffset.UnixEpoch,
        Type = type,
        Content = content,
    };
}

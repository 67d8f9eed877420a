using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Tests.WhatsApp;

/// <summary>Outbound messages with defaults, for tests; <c>with</c> overrides the rest.</summary>
internal static class Messages
{
    public static OutboundMessage Text(string text = "Hello", string key = "wamid.IN:0") => new()
    {
        IdempotencyKey = key,
        PhoneNumberId = "106540352242922",
        To = "+15550199991",
        Kind = ReplyKind.Rule,
        RuleName = "hours",
        Body = new TextBody(text),
    };

    public static OutboundMessage With(OutboundBody body) => Text() with { Body = body };
}

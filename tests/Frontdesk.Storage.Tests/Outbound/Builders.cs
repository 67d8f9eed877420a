using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Storage.Tests.Outbound;

internal static class Builders
{
    public static OutboundMessage Message(string key = "wamid.IN:0", string phoneNumberId = "106540352242922") => new()
    {
        IdempotencyKey = key,
        PhoneNumberId = phoneNumberId,
        To = "+15550199991",
        Kind = ReplyKind.Greeting,
        Body = new TextBody("Hello"),
    };
}

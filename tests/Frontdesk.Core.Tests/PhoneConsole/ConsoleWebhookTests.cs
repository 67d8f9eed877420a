using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Tests.PhoneConsole;

/// <summary>A console message must read back through the real webhook parser exactly as Meta's own body would.</summary>
public sealed class ConsoleWebhookTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 58, 0, TimeSpan.Zero);

    private static InboundMessage RoundTrip(ConsoleMessage message)
    {
        var body = ConsoleWebhook.Build("200000000000001", "999123456789", "Alex", "wamid.CONSOLE_1", At, message);
        Assert.Equal(WebhookBodyKind.WhatsApp, WebhookBody.Classify(body, out _));
        var parsed = Assert.Single(WebhookParser.Parse(body).Messages);
        Assert.Equal("200000000000001", parsed.PhoneNumberId);
        Assert.Equal("999123456789", parsed.From);
        Assert.Equal("Alex", parsed.ProfileName);
        Assert.Equal("wamid.CONSOLE_1", parsed.Id);
        Assert.Equal(At, parsed.Timestamp);
        return parsed;
    }

    [Fact]
    public void Build_Text_IsATextMessage()
    {
        var content = Assert.IsType<TextContent>(RoundTrip(new ConsoleMessage(ConsoleMessage.TextType, "do you have *croissants*?")).Content);

        Assert.Equal("do you have *croissants*?", content.Body);
    }

    [Theory]
    [InlineData(ConsoleReply.Button, "button_reply")]
    [InlineData(ConsoleReply.List, "list_reply")]
    public void Build_Tap_IsTheMatchingInteractiveReply(string kind, string metaKind)
    {
        var reply = new ConsoleReply(kind, "hours", "Opening hours");

        var content = Assert.IsType<InteractiveReplyContent>(RoundTrip(new ConsoleMessage(ConsoleMessage.ReplyType, reply.Title, Reply: reply)).Content);

        Assert.Equal(metaKind, content.Kind);
        Assert.Equal("hours", content.Id);
        Assert.Equal("Opening hours", content.Title);
    }

    [Fact]
    public void Build_Order_CarriesCatalogueAndItems()
    {
        var order = new ConsoleOrder("300000000000001", [new ConsoleOrderItem("VIE-CRO", 2, 1.30m, "EUR")]);

        var content = Assert.IsType<OrderContent>(RoundTrip(new ConsoleMessage(ConsoleMessage.OrderType, Order: order)).Content);

        Assert.Equal("300000000000001", content.CatalogId);
        var item = Assert.Single(content.Items);
        Assert.Equal(new OrderItem("VIE-CRO", 2, 1.30m, "EUR"), item);
    }

    [Theory]
    [InlineData("999123456789", true)]
    [InlineData("9991", true)]
    [InlineData("999", false)]
    [InlineData("15550199991", false)]
    [InlineData("999 123", false)]
    [InlineData("+999123", false)]
    [InlineData("９９９123", false)]
    [InlineData("999123456789012345678", false)]
    [InlineData(null, false)]
    public void IsTestContact_WaId_IsDigitsAfterThePrefix(string? waId, bool expected) =>
        Assert.Equal(expected, TestContacts.IsTestContact(waId, "999"));
}

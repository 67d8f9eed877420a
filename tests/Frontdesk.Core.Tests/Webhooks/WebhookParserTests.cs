using Frontdesk.Core.Webhooks;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Webhooks;

public sealed class WebhookParserTests
{
    public static TheoryData<string> Fixtures => new(WebhookFixtures.Names());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_EveryFixture_GivesMessagesOrStatusesWithIds(string name)
    {
        var batch = WebhookParser.Parse(WebhookFixtures.Read(name));

        Assert.NotEmpty(batch.Messages.Cast<object>().Concat(batch.Statuses));
        Assert.All(batch.Messages, m => Assert.Equal("200000000000001", m.PhoneNumberId));
        Assert.All(batch.Messages, m => Assert.StartsWith("wamid.", m.Id, StringComparison.Ordinal));
        Assert.All(batch.Statuses, s => Assert.StartsWith("wamid.", s.MessageId, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Text_ReadsSenderNameBodyAndTime()
    {
        var message = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("text.json")).Messages);

        Assert.Equal("15550199991", message.From);
        Assert.Equal("Test Customer A", message.ProfileName);
        Assert.Equal("wamid.FAKE_INBOUND_TEXT_0001", message.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795600680), message.Timestamp);
        Assert.Equal(new TextContent("Hi! Are you open today?"), message.Content);
    }

    [Fact]
    public void Parse_ButtonReply_ReadsIdTitleAndContext()
    {
        var message = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("button_reply.json")).Messages);

        var reply = Assert.IsType<InteractiveReplyContent>(message.Content);
        Assert.Equal("button_reply", reply.Kind);
        Assert.Equal("btn_opening_hours", reply.Id);
        Assert.NotNull(message.ContextMessageId);
    }

    [Fact]
    public void Parse_ListReply_ReadsRow()
    {
        var message = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("interactive_list_reply.json")).Messages);

        var reply = Assert.IsType<InteractiveReplyContent>(message.Content);
        Assert.Equal("list_reply", reply.Kind);
        Assert.Equal("cat_running_shoes", reply.Id);
        Assert.NotNull(reply.Description);
    }

    [Fact]
    public void Parse_Order_ReadsItemsWithExactPrices()
    {
        var message = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("order.json")).Messages);

        var order = Assert.IsType<OrderContent>(message.Content);
        Assert.Equal("300000000000001", order.CatalogId);
        Assert.Equal(
            [new OrderItem("SKU-TEST-RUN-042", 1, 89.99m, "EUR"), new OrderItem("SKU-TEST-SOCK-003", 3, 7.5m, "EUR")],
            order.Items);
    }

    [Fact]
    public void Parse_LocationWithTypeLast_ReadsCoordinates()
    {
        var message = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("location.json")).Messages);

        var location = Assert.IsType<LocationContent>(message.Content);
        Assert.NotNull(location.Latitude);
        Assert.NotNull(location.Longitude);
    }

    [Fact]
    public void Parse_UnsupportedWithErrorsFirst_KeepsMetaCode()
    {
        var message = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("unsupported.json")).Messages);

        var unsupported = Assert.IsType<UnsupportedContent>(message.Content);
        Assert.Equal("edit", unsupported.UnsupportedType);
        Assert.Equal(131051, Assert.Single(unsupported.Errors).Code);
    }

    [Fact]
    public void Parse_Image_ReadsCaptionAndMedia()
    {
        var message = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("image.json")).Messages);

        var media = Assert.IsType<MediaContent>(message.Content);
        Assert.Equal("image", media.Kind);
        Assert.NotNull(media.MediaId);
    }

    [Fact]
    public void Parse_FailedStatus_ReadsErrorCode()
    {
        var status = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("status_failed.json")).Statuses);

        Assert.Equal("failed", status.Status);
        Assert.Equal(131049, Assert.Single(status.Errors).Code);
    }

    [Fact]
    public void Parse_Batch_ReadsEveryChange()
    {
        var batch = WebhookParser.Parse(WebhookFixtures.Read("multi_message_batch.json"));

        Assert.Equal(2, batch.Messages.Count);
        Assert.IsType<TemplateButtonContent>(batch.Messages[0].Content);
        Assert.IsType<TextContent>(batch.Messages[1].Content);
        Assert.Equal("read", Assert.Single(batch.Statuses).Status);
    }

    [Fact]
    public void Parse_UnknownTypeAndFields_AreKeptNotRejected()
    {
        var body = """
            {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{
              "metadata":{"phone_number_id":"p1"},"future_field":{"x":1},
              "messages":[{"from":"c1","from_user_id":"US.123","id":"wamid.N","timestamp":"1","type":"hologram","hologram":{}}]}}]}]}
            """u8.ToArray();

        var message = Assert.Single(WebhookParser.Parse(body).Messages);

        Assert.Equal(new OtherContent("hologram"), message.Content);
        Assert.Null(message.ProfileName);
    }
}

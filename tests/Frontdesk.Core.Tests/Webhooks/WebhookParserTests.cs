using Frontdesk.Core.Webhooks;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Testing;

namespace Frontdesk.Core.Tests.Webhooks;

public sealed class WebhookParserTests
{
    public static TheoryData<string> Fixtures => new(WebhookFixtures.Names());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Parse_EveryFixture_GivesMessagesStatusesOrEchoesWithIds(string name)
    {
        var batch = WebhookParser.Parse(WebhookFixtures.Read(name));

        Assert.NotEmpty(batch.Messages.Cast<object>().Concat(batch.Statuses).Concat(batch.Echoes));
        Assert.All(batch.Echoes, e => Assert.StartsWith("wamid.", e.Id, StringComparison.Ordinal));
        Assert.All(batch.Messages, m => Assert.Equal("200000000000001", m.PhoneNumberId));
        Assert.All(batch.Messages, m => Assert.StartsWith("wamid.", m.Id, StringComparison.Ordinal));
        Assert.All(batch.Statuses, s => Assert.StartsWith("wamid.", s.MessageId, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_QualityUpdate_ReadsEventAndLimit()
    {
        var body = """
            {"object":"whatsapp_business_account","entry":[{"id":"100000000000001","changes":[{"field":"phone_number_quality_update",
             "value":{"display_phone_number":"15550100001","event":"DOWNGRADE","current_limit":"TIER_250"}}]}]}
            """u8.ToArray();

        var batch = WebhookParser.Parse(body);

        var update = Assert.Single(batch.QualityUpdates);
        Assert.Equal(("100000000000001", "15550100001", "DOWNGRADE", "TIER_250", true), (update.BusinessAccountId, update.DisplayPhoneNumber, update.Event, update.CurrentLimit, update.IsDrop));
        Assert.Empty(batch.Messages);
        Assert.Empty(batch.Statuses);
    }

    [Fact]
    public void Parse_EchoText_ReadsCustomerBusinessAndText()
    {
        var batch = WebhookParser.Parse(WebhookFixtures.Read("echo_text.json"));

        Assert.Empty(batch.Messages);
        var echo = Assert.Single(batch.Echoes);
        Assert.Equal("200000000000001", echo.PhoneNumberId);
        Assert.Equal("15550199991", echo.To);
        Assert.Equal("wamid.FAKE_ECHO_TEXT_0001", echo.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795601100), echo.Timestamp);
        Assert.StartsWith("Hi Alice", Assert.IsType<TextContent>(echo.Content).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedEchoes_AreSkippedWithReasons_AndTheGoodOneIsKept()
    {
        var batch = WebhookParser.Parse(WebhookFixtures.Read("echo_malformed.json"));

        var echo = Assert.Single(batch.Echoes);
        Assert.Equal("wamid.FAKE_ECHO_GOOD_0001", echo.Id);
        Assert.Equal(3, batch.Skipped.Count);
        Assert.Contains(batch.Skipped, s => s.Reason.Contains("not an object", StringComparison.Ordinal));
        Assert.Contains(batch.Skipped, s => s.Id == "wamid.FAKE_ECHO_NO_TO_0001" && s.Reason.Contains("no to", StringComparison.Ordinal));
        Assert.Contains(batch.Skipped, s => s.Id == "wamid.FAKE_ECHO_OTHER_NUMBER_0001" && s.Reason.Contains("15550100999", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MessageEchoesNotAnArray_IsSkippedAndTheMessagesStillParse()
    {
        var body = """
            {"entry":[{"changes":[{"field":"smb_message_echoes","value":{"metadata":{"phone_number_id":"1"},"message_echoes":{"id":"x"},
              "messages":[{"from":"2","id":"wamid.A","timestamp":"1","type":"text","text":{"body":"hi"}}]}}]}]}
            """u8.ToArray();

        var batch = WebhookParser.Parse(body);

        Assert.Single(batch.Messages);
        Assert.Empty(batch.Echoes);
        Assert.Contains("not an array", Assert.Single(batch.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReactionEditRevokeAndRequestWelcome_ReadTheirFields()
    {
        var reaction = Assert.IsType<ReactionContent>(Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("reaction.json")).Messages).Content);
        var edit = Assert.IsType<EditContent>(Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("edit.json")).Messages).Content);
        var revoke = Assert.IsType<RevokeContent>(Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("revoke.json")).Messages).Content);
        var welcome = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("request_welcome.json")).Messages);

        Assert.Equal(("wamid.FAKE_SENT_GREETING_0001", "👍"), (reaction.MessageId, reaction.Emoji));
        Assert.Equal("wamid.FAKE_INBOUND_TEXT_0001", edit.OriginalMessageId);
        Assert.Equal("text", edit.EditedType);
        Assert.Equal(new TextContent("Hi! Are you open tomorrow?"), edit.Edited);
        Assert.Equal("wamid.FAKE_INBOUND_TEXT_0001", revoke.OriginalMessageId);
        Assert.IsType<RequestWelcomeContent>(welcome.Content);
        Assert.Equal("15550199992", welcome.From);
    }

    [Fact]
    public void Parse_StatusWith131050_KeepsTheCodeAndTheCallbackData()
    {
        var status = Assert.Single(WebhookParser.Parse(WebhookFixtures.Read("status_failed_131050.json")).Statuses);

        Assert.Equal(131050, Assert.Single(status.Errors).Code);
        Assert.Equal("frontdesk:wamid.FAKE_INBOUND_TEXT_0002:1", status.BizOpaqueCallbackData);
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

using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Tests.WhatsApp;

/// <summary>The JSON for each body type, against the shapes in Meta's send docs (whatsapp-cloud-api.md §5).</summary>
public sealed class GraphRequestBuilderTests
{
    /// <summary>The JSON without biz_opaque_callback_data, after checking it carries the idempotency key (it does on every send).</summary>
    private static string Build(OutboundMessage message)
    {
        Assert.True(GraphRequestBuilder.TryBuild(message, out var json, out var problem), problem);
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        if (message.Body is MarkReadBody)
        {
            Assert.False(node.ContainsKey("biz_opaque_callback_data"));
            return json;
        }

        Assert.Equal(GraphRequestBuilder.CallbackPrefix + message.IdempotencyKey, node["biz_opaque_callback_data"]!.GetValue<string>());
        node.Remove("biz_opaque_callback_data");
        return node.ToJsonString();
    }

    [Fact]
    public void TryBuild_Text_HasTheCommonFieldsAndPreviewUrl()
    {
        var json = Build(Messages.With(new TextBody("See https://example.com", PreviewUrl: true)));
        JsonAssert.Equivalent("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+15550199991", "type": "text",
              "text": { "preview_url": true, "body": "See https://example.com" } }
            """, json);
    }

    [Fact]
    public void TryBuild_Quote_AddsContextMessageIdAndNoQuoteLeavesItOut()
    {
        var quoted = Build(Messages.Text() with { InReplyTo = "wamid.IN", Quote = true });
        var plain = Build(Messages.Text() with { InReplyTo = "wamid.IN", Quote = false });
        JsonAssert.Equivalent("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+15550199991", "type": "text",
              "context": { "message_id": "wamid.IN" }, "text": { "preview_url": false, "body": "Hello" } }
            """, quoted);
        Assert.DoesNotContain("context", plain, StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_Buttons_AreReplyButtons()
    {
        var json = Build(Messages.With(new ButtonsBody("Pick one", [new ReplyButton("yes", "Yes"), new ReplyButton("no", "No")], "Frontdesk")));
        JsonAssert.Equivalent("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+15550199991", "type": "interactive",
              "interactive": { "type": "button", "body": { "text": "Pick one" }, "footer": { "text": "Frontdesk" },
                "action": { "buttons": [ { "type": "reply", "reply": { "id": "yes", "title": "Yes" } },
                                         { "type": "reply", "reply": { "id": "no", "title": "No" } } ] } } }
            """, json);
    }

    [Fact]
    public void TryBuild_List_MatchesMetasDocumentedExample()
    {
        var json = Build(Messages.With(new ListBody(
            "What are you looking for?",
            "Browse",
            [new ListSection("Shoes", [new ListRow("cat_running_shoes", "Running shoes", "Road and trail models")])],
            Header: "Our shop",
            Footer: "Reply STOP to opt out")));
        JsonAssert.Equivalent("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+15550199991",
              "type": "interactive",
              "interactive": { "type": "list",
                "header": { "type": "text", "text": "Our shop" },
                "body":   { "text": "What are you looking for?" },
                "footer": { "text": "Reply STOP to opt out" },
                "action": { "button": "Browse",
                  "sections": [ { "title": "Shoes", "rows": [
                    { "id": "cat_running_shoes", "title": "Running shoes", "description": "Road and trail models" } ] } ] } } }
            """, json);
    }

    [Fact]
    public void TryBuild_Product_HasCatalogAndRetailerIdAndNoHeader()
    {
        var json = Build(Messages.With(new ProductBody("cat1", "SKU-1", "Our best seller")));
        JsonAssert.Equivalent("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+15550199991", "type": "interactive",
              "interactive": { "type": "product", "body": { "text": "Our best seller" },
                "action": { "catalog_id": "cat1", "product_retailer_id": "SKU-1" } } }
            """, json);
    }

    [Fact]
    public void TryBuild_ProductList_HasATextHeaderAndProductItems()
    {
        var json = Build(Messages.With(new ProductListBody("cat1", "Shoes", "Our range", [new ProductSection("Running", ["SKU-1", "SKU-2"])], "Prices incl. VAT")));
        JsonAssert.Equivalent("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+15550199991", "type": "interactive",
              "interactive": { "type": "product_list", "header": { "type": "text", "text": "Shoes" },
                "body": { "text": "Our range" }, "footer": { "text": "Prices incl. VAT" },
                "action": { "catalog_id": "cat1", "sections": [ { "title": "Running",
                  "product_items": [ { "product_retailer_id": "SKU-1" }, { "product_retailer_id": "SKU-2" } ] } ] } } }
            """, json);
    }

    [Fact]
    public void TryBuild_MarkRead_IsTheStatusBodyOnly()
    {
        var json = Build(Messages.With(new MarkReadBody("wamid.IN")) with { Kind = ReplyKind.ReadReceipt });
        JsonAssert.Equivalent("""{ "messaging_product": "whatsapp", "status": "read", "message_id": "wamid.IN" }""", json);
    }

    public static TheoryData<string, OutboundBody> OverLimit => new()
    {
        { "text body is 4097", new TextBody(new string('a', 4097)) },
        { "text body is empty", new TextBody("") },
        { "button title is 21", new ButtonsBody("Hi", [new ReplyButton("a", new string('b', 21))]) },
        { "reply buttons need 1 to 3 buttons, not 4", new ButtonsBody("Hi", [new("a", "A"), new("b", "B"), new("c", "C"), new("d", "D")]) },
        { "reply buttons need 1 to 3 buttons, not 0", new ButtonsBody("Hi", []) },
        { "unique", new ButtonsBody("Hi", [new("a", "Same"), new("b", "Same")]) },
        { "buttons body is 1025", new ButtonsBody(new string('x', 1025), [new("a", "A")]) },
        { "row title is 25", new ListBody("Menu", "Open", [new ListSection(null, [new ListRow("1", new string('r', 25))])]) },
        { "row description is 73", new ListBody("Menu", "Open", [new ListSection(null, [new ListRow("1", "One", new string('d', 73))])]) },
        { "list button is 21", new ListBody("Menu", new string('o', 21), [new ListSection(null, [new ListRow("1", "One")])]) },
        { "not 11 rows", new ListBody("Menu", "Open", [new ListSection(null, [.. Enumerable.Range(0, 11).Select(i => new ListRow($"{i}", $"Row {i}"))])]) },
        { "title on each", new ListBody("Menu", "Open", [new ListSection("A", [new ListRow("1", "One")]), new ListSection(null, [new ListRow("2", "Two")])]) },
        { "not 31", new ProductListBody("cat", "H", "B", [new ProductSection("All", [.. Enumerable.Range(0, 31).Select(i => $"SKU{i}")])]) },
        { "product_retailer_id is empty", new ProductBody("cat", " ") },
        { "message_id to mark as read is empty", new MarkReadBody("") },
    };

    [Theory]
    [MemberData(nameof(OverLimit))]
    public void TryBuild_OverLimitBodies_AreRefusedWithAReasonNotTruncated(string reason, OutboundBody body)
    {
        Assert.False(GraphRequestBuilder.TryBuild(Messages.With(body), out var json, out var problem));
        Assert.Null(json);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryBuild_BodiesExactlyAtTheLimits_AreAccepted()
    {
        Assert.Null(GraphRequestBuilder.Check(Messages.With(new TextBody(new string('a', 4096)))));
        Assert.Null(GraphRequestBuilder.Check(Messages.With(new ButtonsBody(new string('x', 1024),
            [new("a", new string('b', 20)), new("b", "B"), new("c", "C")], new string('f', 60)))));
        Assert.Null(GraphRequestBuilder.Check(Messages.With(new ListBody("Menu", new string('o', 20),
            [new ListSection(new string('s', 24), [.. Enumerable.Range(0, 10).Select(i => new ListRow($"{i}", new string('t', 24), new string('d', 72)))])]))));
    }

    [Fact]
    public void Serialize_QueuePayload_RoundTripsEveryBodyType()
    {
        OutboundBody[] bodies =
        [
            new TextBody("Hi", true),
            new ButtonsBody("B", [new("a", "A")], "F"),
            new ListBody("L", "Open", [new ListSection("S", [new ListRow("1", "One", "D")])], "H", "F"),
            new ProductBody("c", "p", "t", "f"),
            new ProductListBody("c", "h", "t", [new ProductSection("s", ["p1"])], "f"),
            new MarkReadBody("wamid.X"),
        ];
        foreach (var body in bodies)
        {
            var message = Messages.With(body) with { Attempt = 2, LastError = "attempt 2: HTTP 503" };
            var json = System.Text.Json.JsonSerializer.Serialize(message, OutboundMessageJsonContext.Default.OutboundMessage);
            var back = System.Text.Json.JsonSerializer.Deserialize(json, OutboundMessageJsonContext.Default.OutboundMessage);
            Assert.NotNull(back);
            Assert.Equal(body.GetType(), back.Body.GetType());
            // Records with lists compare lists by reference, so compare the Graph JSON both produce.
            Assert.Equal(GraphRequestBuilder.TryBuild(message, out var a, out _), GraphRequestBuilder.TryBuild(back, out var b, out _));
            Assert.Equal(a, b);
            Assert.Equal(2, back.Attempt);
            Assert.Equal(ReplyKind.Rule, back.Kind);
        }
    }

    [Fact]
    public void TryBuild_Template_IsMetasTemplateSendByteForByte()
    {
        var message = Messages.With(new TemplateBody("back_in_stock", "fr", ["Élodie", "Croissant", "1,20 €"], "https://example.com/c.jpg", "sku-1")) with { IdempotencyKey = "restock:SKU1:33600000001:1", To = "33600000001" };

        Assert.True(GraphRequestBuilder.TryBuild(message, out var json, out var problem), problem);

        Assert.Equal(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"33600000001","type":"template","template":{"name":"back_in_stock","language":{"code":"fr"},"components":[{"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/c.jpg"}}]},{"type":"body","parameters":[{"type":"text","text":"\u00C9lodie"},{"type":"text","text":"Croissant"},{"type":"text","text":"1,20 \u20AC"}]},{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"sku-1"}]}]},"biz_opaque_callback_data":"frontdesk:restock:SKU1:33600000001:1"}""",
            json);
    }

    [Fact]
    public void TryBuild_TemplateWithoutParameters_LeavesComponentsOut()
    {
        var json = Build(Messages.With(new TemplateBody("hello_world", "en_US", [])));

        JsonAssert.Equivalent("""
            { "messaging_product": "whatsapp", "recipient_type": "individual", "to": "+15550199991", "type": "template",
              "template": { "name": "hello_world", "language": { "code": "en_US" } } }
            """, json);
    }

    [Theory]
    [InlineData("", "fr", "Ann", null, "template name is empty")]
    [InlineData("t", "", "Ann", null, "template language is empty")]
    [InlineData("t", "fr", " ", null, "template body parameter 1 is empty")]
    [InlineData("t", "fr", "two\nlines", null, "new line or a tab")]
    [InlineData("t", "fr", "Ann", "ftp://x/y.jpg", "not an http(s) link")]
    public void Check_TemplateMetaWouldRefuse_SaysWhy(string name, string language, string parameter, string? image, string expected)
    {
        var problem = GraphRequestBuilder.Check(Messages.With(new TemplateBody(name, language, [parameter], image)));

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}

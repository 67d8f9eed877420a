using Azure.Data.Tables;
using Frontdesk.Core.Outreach;
using Frontdesk.Storage;
using Frontdesk.Storage.Outbound;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>The window-aware outreach path through DevHost's queue pump, Azurite and the fake Graph API.</summary>
public sealed class OutreachPipelineTests(OutreachPipelineFixture pipeline) : IClassFixture<OutreachPipelineFixture>
{
    private static int s_customer;

    /// <summary>A customer no other test uses.</summary>
    private static string NewCustomer() => "3361" + Interlocked.Increment(ref s_customer).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private IReadOnlyList<AcceptedGraphMessage> To(string customer) => pipeline.Graph.AcceptedTo(customer);

    [Fact]
    public async Task Restock_InsideAndOutsideTheWindow_GoesFreeFormAndAsTheTemplate()
    {
        var recent = NewCustomer();
        var away = NewCustomer();
        await pipeline.ContactAsync(recent, TimeSpan.FromHours(3));
        await pipeline.ContactAsync(away, TimeSpan.FromHours(30));

        await pipeline.EnqueueAsync(OutreachPipelineFixture.Restock(recent), OutreachPipelineFixture.Restock(away));
        var recentOutcome = await pipeline.Outcomes.WaitAsync(OutreachPipelineFixture.Restock(recent).IdempotencyKey);
        var awayOutcome = await pipeline.Outcomes.WaitAsync(OutreachPipelineFixture.Restock(away).IdempotencyKey);

        Assert.Equal(OutreachOutcome.Sent, recentOutcome.Single().Outcome);
        Assert.Equal("Croissant is back in stock: 1,20 €", To(recent).Single().Request.Json!["text"]!["body"]!.GetValue<string>());
        Assert.Equal(OutreachOutcome.SentAsTemplate, awayOutcome.Single().Outcome);
        var template = To(away).Single().Request.Json!["template"]!;
        Assert.Equal(("back_in_stock", "fr"), (template["name"]!.GetValue<string>(), template["language"]!["code"]!.GetValue<string>()));
        Assert.Equal(["Élodie", "Croissant", "1,20 €"], template["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
        Assert.Equal("frontdesk:" + OutreachPipelineFixture.Restock(away).IdempotencyKey, To(away).Single().CallbackData);
    }

    [Fact]
    public async Task OptOuts_OptedOutGetsNothingAndMarketingSkipsMarketingOptOut()
    {
        var stopped = NewCustomer();
        var noMarketing = NewCustomer();
        await pipeline.ContactAsync(stopped, TimeSpan.FromDays(3), optedOut: true);
        await pipeline.ContactAsync(noMarketing, TimeSpan.FromDays(3), marketingOptOut: true);
        var promo = OutreachPipelineFixture.Restock(noMarketing) with
        {
            IdempotencyKey = "broadcast:b1:" + noMarketing,
            Purpose = "promo",
            FreeForm = null,
            Variables = new Dictionary<string, string> { ["offer"] = "-20 % sur les bûches" },
        };

        await pipeline.EnqueueAsync(OutreachPipelineFixture.Restock(stopped), promo, OutreachPipelineFixture.Restock(noMarketing));
        var stoppedOutcome = await pipeline.Outcomes.WaitAsync(OutreachPipelineFixture.Restock(stopped).IdempotencyKey);
        var promoOutcome = await pipeline.Outcomes.WaitAsync(promo.IdempotencyKey);
        var utilityOutcome = await pipeline.Outcomes.WaitAsync(OutreachPipelineFixture.Restock(noMarketing).IdempotencyKey);

        Assert.Equal(OutreachOutcome.SkippedOptedOut, stoppedOutcome.Single().Outcome);
        Assert.Empty(To(stopped));
        Assert.Equal(OutreachOutcome.SkippedMarketingOptOut, promoOutcome.Single().Outcome);
        Assert.Equal(OutreachOutcome.SentAsTemplate, utilityOutcome.Single().Outcome);
        Assert.Equal("back_in_stock", To(noMarketing).Single().Request.Json!["template"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoTemplate_IsRecordedNeedsTemplateOnceAndNeverSent()
    {
        var customer = NewCustomer();
        await pipeline.ContactAsync(customer, TimeSpan.FromDays(2));
        var message = OutreachPipelineFixture.Restock(customer) with { Purpose = "order-ready" };

        await pipeline.EnqueueAsync(message, message);
        var outcomes = await pipeline.Outcomes.WaitAsync(message.IdempotencyKey, count: 2);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        Assert.Equal([OutreachOutcome.NeedsTemplate, OutreachOutcome.Duplicate], pipeline.Outcomes.Of(message.IdempotencyKey).Select(o => o.Outcome));
        Assert.Contains("no usable row for purpose 'order-ready'", outcomes[0].Detail, StringComparison.Ordinal);
        Assert.Empty(To(customer));
        var row = await new SendLedgerStore(Ledger(), TimeProvider.System).GetAsync(OutreachPipelineFixture.Number, message.IdempotencyKey, TestContext.Current.CancellationToken);
        Assert.Equal(SendLedgerStore.Failed, row?.GetString("State"));
        Assert.StartsWith("NeedsTemplate", row?.GetString("Reason"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meta131047_OnAFreeFormSend_IsSentOnceMoreAsTheTemplate()
    {
        var customer = NewCustomer();
        await pipeline.ContactAsync(customer, TimeSpan.FromHours(23.9));
        pipeline.Graph.Enqueue(FakeGraphResponse.Error(131047, message: "Re-engagement message"));

        await pipeline.EnqueueAsync(OutreachPipelineFixture.Restock(customer));
        var outcome = await pipeline.Outcomes.WaitAsync(OutreachPipelineFixture.Restock(customer).IdempotencyKey);

        Assert.Equal(OutreachOutcome.SentAsTemplate, outcome.Single().Outcome);
        var sent = pipeline.Graph.Requests.Where(r => r.Json?["to"]?.GetValue<string>() == customer).Select(r => r.Json!["type"]!.GetValue<string>());
        Assert.Equal(["text", "template"], sent);
        Assert.Single(To(customer));
    }

    [Fact]
    public async Task DuplicatesOfAQueueMessage_AreSentOnce()
    {
        var customer = NewCustomer();
        await pipeline.ContactAsync(customer, TimeSpan.FromDays(5));
        var message = OutreachPipelineFixture.Restock(customer);

        await pipeline.EnqueueAsync(message, message, message);
        var outcomes = await pipeline.Outcomes.WaitAsync(message.IdempotencyKey, count: 3);

        Assert.Single(To(customer));
        Assert.Equal(1, outcomes.Count(o => o.Outcome == OutreachOutcome.SentAsTemplate));
        // The two others find the key settled (Duplicate) or, when they overlap the send, still Sending (MaybeSent): neither sends.
        Assert.Equal(2, outcomes.Count(o => o.Outcome is OutreachOutcome.Duplicate or OutreachOutcome.MaybeSent));
    }

    [Fact]
    public async Task FanOut_IsPacedAtTheNumbersRate()
    {
        var customers = Enumerable.Range(0, 12).Select(_ => NewCustomer()).ToList();
        foreach (var customer in customers)
        {
            await pipeline.ContactAsync(customer, TimeSpan.FromDays(2));
        }

        await pipeline.EnqueueAsync([.. customers.Select(c => OutreachPipelineFixture.Restock(c, "pace"))]);
        foreach (var customer in customers)
        {
            await pipeline.Outcomes.WaitAsync(OutreachPipelineFixture.Restock(customer, "pace").IdempotencyKey);
        }

        var times = customers.Select(c => To(c).Single().At).Order().ToList();
        var span = times[^1] - times[0];
        var rate = OutreachPipelineFixture.MessagesPerSecond;
        // Slots are 1/rate apart; the network may bring two arrivals a little closer, so one more than the rate fits in a second.
        Assert.True(pipeline.Graph.PeakAccepted(TimeSpan.FromSeconds(1)) <= rate + 1, $"peak {pipeline.Graph.PeakAccepted(TimeSpan.FromSeconds(1))} per second at {rate}/s");
        Assert.True(span >= TimeSpan.FromSeconds((customers.Count - 1) / (double)rate * 0.9), $"12 sends took {span.TotalSeconds:F2} s at {rate}/s");
    }

    [Fact]
    public async Task TemplatesSync_ReportsPerPurposeWhatMetaHasApproved()
    {
        var ct = TestContext.Current.CancellationToken;
        pipeline.Graph.SetMessageTemplates(
            OutreachPipelineFixture.WabaId,
            new FakeMessageTemplate("hello_world", "en_US"),
            new FakeMessageTemplate("back_in_stock", "en_US", BodyParameters: 3),
            new FakeMessageTemplate("back_in_stock", "fr", BodyParameters: 3),
            new FakeMessageTemplate("winter_offer", "fr", Status: "PENDING", Category: "MARKETING", BodyParameters: 2),
            new FakeMessageTemplate("pickup_reminder", "fr", BodyParameters: 2));
        var templates = new TableServiceClient(pipeline.Azurite.ConnectionString).GetTableClient(StorageNames.Tables.Templates);
        await templates.UpsertEntityAsync(new TableEntity(OutreachPipelineFixture.Number, "pickup") { ["Name"] = "pickup_reminder", ["Language"] = "fr", ["Category"] = "utility", ["BodyParameters"] = "{{name}}" }, cancellationToken: ct);
        await templates.UpsertEntityAsync(new TableEntity(OutreachPipelineFixture.Number, "gone") { ["Name"] = "hello_world", ["Language"] = "fr", ["Category"] = "utility" }, cancellationToken: ct);
        var listed = pipeline.Graph.Requests.Count(r => r.Path.EndsWith("/message_templates", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/manage/templates/sync?phoneNumberId={OutreachPipelineFixture.Number}");
        request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);
        using var response = await pipeline.Host.Client.SendAsync(request, ct);
        var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, json["metaTemplates"]!.GetValue<int>());
        Assert.Equal(3, pipeline.Graph.Requests.Count(r => r.Path.EndsWith("/message_templates", StringComparison.Ordinal)) - listed);
        var byPurpose = json["templates"]!.AsArray().ToDictionary(t => t!["purpose"]!.GetValue<string>(), t => t!);
        Assert.Equal("ok", byPurpose["back-in-stock"]["state"]!.GetValue<string>());
        Assert.Equal((3, 3), (byPurpose["back-in-stock"]["rowBodyParameters"]!.GetValue<int>(), byPurpose["back-in-stock"]["metaBodyParameters"]!.GetValue<int>()));
        Assert.Equal(("not-approved", "PENDING"), (byPurpose["promo"]["state"]!.GetValue<string>(), byPurpose["promo"]["metaStatus"]!.GetValue<string>()));
        Assert.Equal("mismatched", byPurpose["pickup"]["state"]!.GetValue<string>());
        Assert.Contains("expects 2 parameter(s); BodyParameters lists 1", byPurpose["pickup"]["problems"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("missing", byPurpose["gone"]["state"]!.GetValue<string>());
        Assert.Contains("in en_US, not in 'fr'", byPurpose["gone"]["problems"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((1, 3), (json["ok"]!.GetValue<int>(), json["toFix"]!.GetValue<int>()));
    }

    private TableClient Ledger() => new TableServiceClient(pipeline.Azurite.ConnectionString).GetTableClient(StorageNames.Tables.OutboundLedger);
}

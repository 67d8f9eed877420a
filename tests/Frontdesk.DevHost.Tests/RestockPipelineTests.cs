using System.Net;
using Azure.Data.Tables;
using Frontdesk.Core.Outreach;
using Frontdesk.Storage;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// "Back in stock" through DevHost, Azurite and the fake Graph API: the button, the subscription, a restock by CSV
/// import and by a portal edit, free-form inside the window and the template outside it, opt-outs, no second alert,
/// and a big fan-out with nobody told twice.
/// </summary>
public sealed class RestockPipelineTests(RestockPipelineFixture pipeline) : IClassFixture<RestockPipelineFixture>
{
    /// <summary>
    /// Subscribers of the big fan-out: 1,000 here (about 35 s on Azurite). The full 10,000 (about 6 minutes; the
    /// command that prints the measured line is in docs/performance.md, "Back-in-stock fan-out"):
    /// <c>RESTOCK_FANOUT_SUBSCRIBERS=10000 RESTOCK_FANOUT_PRODUCTS=100000</c>.
    /// </summary>
    private static readonly int s_fanOutSubscribers = FromEnvironment("RESTOCK_FANOUT_SUBSCRIBERS", 1_000);

    /// <summary>
    /// Products in the big fan-out's catalogue, the restocked one among them: 1 here. The scale is
    /// <c>RESTOCK_FANOUT_PRODUCTS=100000</c>: the import that brings the product back is then a 100,000-row import,
    /// timed as the answer of the HTTP call.
    /// </summary>
    private static readonly int s_fanOutProducts = FromEnvironment("RESTOCK_FANOUT_PRODUCTS", 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Key(System.Text.Json.JsonElement subscription) => subscription.GetProperty("alertKey").GetString()!;

    [Fact]
    public async Task ImportRestock_InsideOutsideAndOptedOut_EachAsTheWindowSays()
    {
        await pipeline.ImportAsync("CRO-01,Croissant,Pur beurre,out of stock,new,1.20 EUR,https://shop.example/cro,https://shop.example/cro.jpg,Demo\n");
        var (inside, outside, stopped) = ("33650000001", "33650000002", "33650000003");

        // Asking for the product: the card says it is out of stock and offers the button, in French.
        await pipeline.Host.PostWebhookAsync(WebhookBuilder.Text(inside, "wamid.ASK_" + inside, "CRO-01", DateTimeOffset.UtcNow), Ct);
        var offer = await pipeline.WaitForTextAsync(inside, t => t.Contains("Croissant", StringComparison.Ordinal));
        var button = pipeline.Graph.AcceptedTo(inside).Select(a => a.Request.Json?["interactive"]?["action"]?["buttons"]?[0]?["reply"]).Single(b => b is not null)!;
        Assert.Contains("Épuisé", offer, StringComparison.Ordinal);
        Assert.Equal(("restock:CRO-01", "Prévenez-moi"), (button["id"]!.GetValue<string>(), button["title"]!.GetValue<string>()));
        foreach (var customer in new[] { inside, outside, stopped })
        {
            Assert.Contains("Croissant", await pipeline.PressNotifyMeAsync(customer, "CRO-01"), StringComparison.Ordinal);
        }

        await pipeline.EditContactAsync(outside, c => c with { LastInbound = DateTimeOffset.UtcNow.AddHours(-30) });
        await pipeline.EditContactAsync(stopped, c => c with { OptedOut = true });
        var before = await pipeline.SubscriptionsAsync("CRO-01");
        Assert.Equal(3, before.GetProperty("live").GetInt32());
        var keys = before.GetProperty("subscriptions").EnumerateArray().ToDictionary(s => s.GetProperty("waId").GetString()!, Key);

        await pipeline.ImportAsync("CRO-01,Croissant,Pur beurre,in stock,new,1.20 EUR,https://shop.example/cro,https://shop.example/cro.jpg,Demo\n");
        var insideOutcome = await pipeline.Outcomes.WaitAsync(keys[inside]);
        var outsideOutcome = await pipeline.Outcomes.WaitAsync(keys[outside]);
        var stoppedOutcome = await pipeline.Outcomes.WaitAsync(keys[stopped]);

        Assert.Equal(OutreachOutcome.Sent, insideOutcome.Single().Outcome);
        Assert.StartsWith("Bonne nouvelle : Croissant est de retour en stock !", await pipeline.WaitForTextAsync(inside, t => t.StartsWith("Bonne", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(OutreachOutcome.SentAsTemplate, outsideOutcome.Single().Outcome);
        var template = pipeline.Graph.AcceptedTo(outside).Select(a => a.Request.Json?["template"]).Single(t => t is not null)!;
        Assert.Equal("back_in_stock", template["name"]!.GetValue<string>());
        Assert.Equal(["Test Customer", "Croissant", 1.20m.ToString("C", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"))],
            template["components"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "body")!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
        Assert.Equal(OutreachOutcome.SkippedOptedOut, stoppedOutcome.Single().Outcome);
        Assert.DoesNotContain(pipeline.Graph.AcceptedTo(stopped), a => a.CallbackData == "frontdesk:" + keys[stopped]);
        var after = await pipeline.SubscriptionsAsync("CRO-01");
        Assert.All(after.GetProperty("subscriptions").EnumerateArray(), s => Assert.Equal("notified", s.GetProperty("state").GetString()));

        // Out of stock and back again: the closed subscriptions are not told a second time.
        await pipeline.ImportAsync("CRO-01,Croissant,Pur beurre,out of stock,new,1.20 EUR,https://shop.example/cro,https://shop.example/cro.jpg,Demo\n");
        var (_, took) = await pipeline.ImportAsync("CRO-01,Croissant,Pur beurre,in stock,new,1.20 EUR,https://shop.example/cro,https://shop.example/cro.jpg,Demo\n");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);

        Assert.True(took < TimeSpan.FromMinutes(1));
        Assert.All(keys.Values, key => Assert.Single(pipeline.Outcomes.Of(key)));
    }

    [Fact]
    public async Task PortalEdit_AvailabilitySetInStock_IsSeenWithinAMinute()
    {
        await pipeline.ImportAsync("PAI-02,Pain aux noix,,out of stock,new,3.40 EUR,,,Demo\n");
        var customer = "33650000010";
        await pipeline.PressNotifyMeAsync(customer, "PAI-02");
        var key = Key((await pipeline.SubscriptionsAsync("PAI-02")).GetProperty("subscriptions")[0]);

        // An operator edits the row in the portal's Storage browser: no import, no version marker.
        var catalogue = pipeline.Tables.GetTableClient(StorageNames.Tables.Catalogue);
        await catalogue.UpdateEntityAsync(new TableEntity(RestockPipelineFixture.Number, "PAI-02") { ["Availability"] = "in stock" }, Azure.ETag.All, TableUpdateMode.Merge, Ct);
        var outcome = await pipeline.Outcomes.WaitAsync(key, timeout: TimeSpan.FromSeconds(75));

        Assert.Equal(OutreachOutcome.Sent, outcome.Single().Outcome);
        Assert.Contains("Pain aux noix", await pipeline.WaitForTextAsync(customer, t => t.StartsWith("Bonne", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotifyMe_UnknownSkuOrPressedTwice_NoMatchTextAndOneSubscription()
    {
        await pipeline.ImportAsync("TAR-05,Tarte au citron,,out of stock,new,4.00 EUR,,,Demo\n");
        var customer = "33650000020";

        await pipeline.PressNotifyMeAsync(customer, "TAR-05");
        await pipeline.PressNotifyMeAsync(customer, "TAR-05");
        await pipeline.Host.PostWebhookAsync(WebhookBuilder.ButtonReply(customer, "wamid.PRESS_GONE", "restock:NO-SUCH-SKU", "Prévenez-moi", DateTimeOffset.UtcNow), Ct);
        var noMatch = await pipeline.WaitForTextAsync(customer, t => t.StartsWith("Désolé", StringComparison.Ordinal));

        Assert.Contains("rien trouvé", noMatch, StringComparison.Ordinal);
        var listed = await pipeline.SubscriptionsAsync("TAR-05");
        Assert.Equal(1, listed.GetProperty("count").GetInt32());
        var none = await pipeline.SubscriptionsAsync("NO-SUCH-SKU");
        Assert.Equal(0, none.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task FanOut_ManySubscribers_EachToldExactlyOnce()
    {
        var otherProducts = OtherProductsCsv(s_fanOutProducts - 1);
        var (firstImport, firstTook) = await pipeline.ImportAsync(otherProducts + "BRI-03,Brioche,,out of stock,new,4.20 EUR,,,Demo\n");
        var subscriptions = pipeline.Tables.GetTableClient(StorageNames.Tables.Subscriptions);
        await subscriptions.CreateIfNotExistsAsync(Ct);
        var created = DateTimeOffset.UtcNow.AddMinutes(-5);
        var customers = Enumerable.Range(0, s_fanOutSubscribers).Select(i => "3366" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var chunk in customers.Chunk(100))
        {
            await subscriptions.SubmitTransactionAsync(chunk.Select(c => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(RestockPipelineFixture.Number, "BRI-03|" + c)
            {
                ["Created"] = created, ["Expires"] = created.AddDays(30), ["State"] = "open", ["Name"] = "Client " + c[^4..],
            })), Ct);
        }

        var (report, took) = await pipeline.ImportAsync(otherProducts + "BRI-03,Brioche,,in stock,new,4.20 EUR,,,Demo\n");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60 + (s_fanOutSubscribers / RestockPipelineFixture.MessagesPerSecond * 3));
        var keys = customers.ToDictionary(c => c, c => $"restock:BRI-03:{c}:{created.UtcTicks}");
        // Grouped once a round: asking each of 10,000 keys in turn would scan every outcome 10,000 times and slow the host it measures.
        while (pipeline.Outcomes.ByKey() is var told && keys.Values.Any(k => !told.ContainsKey(k)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500, Ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var byCustomer = pipeline.Graph.AcceptedByRecipient();
        var alerts = customers.Where(byCustomer.ContainsKey).SelectMany(c => byCustomer[c]).Select(a => a.At).Order().ToList();
        var sending = alerts.Count > 1 ? alerts[^1] - alerts[0] : TimeSpan.Zero;
        var measured = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{s_fanOutProducts} products, {s_fanOutSubscribers} subscribers: first import {firstTook.TotalMilliseconds:F0} ms, " +
            $"restocking import {took.TotalMilliseconds:F0} ms; {alerts.Count} alerts accepted over {sending.TotalSeconds:F1} s " +
            $"({(sending > TimeSpan.Zero ? (alerts.Count - 1) / sending.TotalSeconds : 0):F1}/s, paced at {RestockPipelineFixture.MessagesPerSecond}/s)");
        TestContext.Current.SendDiagnosticMessage(measured);
        Console.WriteLine(measured);
        Assert.Equal(s_fanOutProducts, firstImport.GetProperty("added").GetInt32() + firstImport.GetProperty("updated").GetInt32() + firstImport.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        var outcomes = pipeline.Outcomes.ByKey();
        Assert.All(customers, c => Assert.Equal([OutreachOutcome.SentAsTemplate], outcomes.GetValueOrDefault(keys[c]) ?? []));
        Assert.All(customers, c => Assert.Single(byCustomer[c]));
    }

    private static int FromEnvironment(string name, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : otherwise;

    /// <summary>CSV rows for <paramref name="count"/> products that stay as they are between the two imports.</summary>
    private static string OtherProductsCsv(int count)
    {
        var rows = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"GEN-{i:D6},Produit {i},Article de test {i},in stock,new,{1 + (i % 50)}.00 EUR,,,Demo\n");
        }

        return rows.ToString();
    }

    [Fact]
    public async Task Validate_NonsenseSubscriptionRow_IsReportedByName()
    {
        var subscriptions = pipeline.Tables.GetTableClient(StorageNames.Tables.Subscriptions);
        await subscriptions.CreateIfNotExistsAsync(Ct);
        await subscriptions.UpsertEntityAsync(new TableEntity(RestockPipelineFixture.Number, "GAL-9|33650000099") { ["Created"] = "hier", ["Expires"] = "2026-12-31" }, cancellationToken: Ct);

        var response = await pipeline.Host.Client.GetAsync($"/api/manage/validate?phoneNumberId={RestockPipelineFixture.Number}&code={DevHostRun.FunctionKey}", Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"table\": \"Subscriptions\"", body, StringComparison.Ordinal);
        Assert.Contains("GAL-9|33650000099", body, StringComparison.Ordinal);
        Assert.Contains("Created 'hier' is not a date", body, StringComparison.Ordinal);
    }
}

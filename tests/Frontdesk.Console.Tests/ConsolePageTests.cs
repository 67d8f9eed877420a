using System.Globalization;
using Frontdesk.Core.Webhooks;
using Frontdesk.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Frontdesk.Console.Tests;

/// <summary>
/// The console as a person uses it, in chromium, through the real pipeline (webhook-inbox, rules, ledger, contacts,
/// catalogue, outbound sender) against the demo bakery. Each test is a new tab, so a new test contact.
/// </summary>
public sealed class ConsolePageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task FirstMessage_GetsTheGreetingAndTheMenu()
    {
        await using var tab = await fixture.OpenConsoleAsync();

        await tab.SayAsync("hello");

        await Expect(tab.Conversation).ToContainTextAsync("welcome to Demo Bakery!");
        await Expect(tab.Conversation).ToContainTextAsync("How can we help?");
        await Expect(tab.Conversation.GetByRole(AriaRole.Button, new() { Name = "Options", Exact = true })).ToBeVisibleAsync();
        await Expect(tab.Why).ToContainTextAsync("greeting: sent: first message from this contact");
        await Expect(tab.Conversation.GetByRole(AriaRole.Img, new() { Name = "Read", Exact = true })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("console-light");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task MenuListRow_Picked_GetsThatRulesAnswer()
    {
        await using var tab = await fixture.OpenConsoleAsync(ColorScheme.Dark);
        await tab.SayAsync("hello");
        await tab.Conversation.GetByRole(AriaRole.Button, new() { Name = "Options", Exact = true }).ClickAsync();
        await Expect(tab.Sheet.GetByRole(AriaRole.Button, new() { Name = "Opening hours", Exact = true })).ToBeVisibleAsync();
        await tab.ScreenshotAsync("console-list-dark");

        await tab.Sheet.GetByRole(AriaRole.Button, new() { Name = "Opening hours", Exact = true }).ClickAsync();

        await Expect(tab.Conversation.Locator("article.in").Last).ToContainTextAsync("Opening hours");
        await Expect(tab.Conversation).ToContainTextAsync("We are open Monday to Friday 08:00-12:30 and 14:00-19:00");
        await Expect(tab.Why).ToContainTextAsync("rule:");
    }

    [Fact]
    public async Task Croissants_Asked_ListProductsWithPrices()
    {
        await using var tab = await fixture.OpenConsoleAsync();

        await tab.SayAsync("do you have croissants");

        await Expect(tab.Conversation).ToContainTextAsync("products match");
        await tab.Conversation.GetByRole(AriaRole.Button, new() { Name = "See products", Exact = true }).ClickAsync();
        var croissant = tab.Sheet.GetByRole(AriaRole.Button, new() { Name = "Croissant au beurre", Exact = true });
        await Expect(croissant).ToBeVisibleAsync();
        await Expect(croissant).ToContainTextAsync("€1.30");
        await tab.ScreenshotAsync("console-products");
    }

    [Fact]
    public async Task MetaCatalogue_ProductCards_OrderSendsAnOrder()
    {
        var number = await fixture.AddNumberWithCatalogAsync("200000000000077", "300000000000001");
        await using var tab = await fixture.OpenConsoleAsync(phoneNumberId: number);

        await tab.SayAsync("do you have croissants");

        var card = tab.Conversation.Locator(".product").Filter(new() { HasText = "Croissant au beurre" });
        await Expect(card).ToContainTextAsync("€1.30");
        await Expect(card).ToContainTextAsync("In stock");
        await tab.ScreenshotAsync("console-product-cards");
        await tab.Button("Order Croissant au beurre").ClickAsync();

        await Expect(tab.Conversation.Locator("article.in").Last).ToContainTextAsync("1 × Croissant au beurre — €1.30");
        await Expect(tab.Conversation).ToContainTextAsync("Thank you for your order!");
    }

    [Fact]
    public async Task Stop_ThenAQuestion_SilenceAndWhySaysWhy()
    {
        // Phone-sized: the Why panel sits below the chat and must still be found by its name.
        await using var tab = await fixture.OpenConsoleAsync(width: 390, height: 844);
        await tab.SayAsync("STOP");
        await Expect(tab.Conversation).ToContainTextAsync("You will not receive automatic replies any more");
        var repliesBefore = await tab.Replies.CountAsync();

        await tab.SayAsync("what are your opening hours?");

        await Expect(tab.Why).ToContainTextAsync("silenced: not answered: contact opted out");
        await Expect(tab.Why).ToContainTextAsync("Yes: no automatic replies until START");
        await Expect(tab.Conversation.Locator("article.in").Last.GetByRole(AriaRole.Img, new() { Name = "Read", Exact = true })).ToBeVisibleAsync();

        // The decision is recorded before any reply is queued, and it says "nothing is sent"; give a wrong reply a
        // moment to show up anyway before counting.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Equal(repliesBefore, await tab.Replies.CountAsync());
        await tab.ScreenshotAsync("console-phone", fullPage: true);
    }

    [Fact]
    public async Task TimeTravel_ClosedDay_PreviewsAwayAndSendsNothing()
    {
        await using var tab = await fixture.OpenConsoleAsync();
        var sunday = NextSunday(DateTime.UtcNow);
        await tab.Page.GetByLabel("As if sent at", new() { Exact = true }).FillAsync(sunday.ToString("yyyy-MM-dd'T'11:00", CultureInfo.InvariantCulture));
        await tab.MessageBox.FillAsync("hello");

        await tab.Button("Preview").ClickAsync();

        await Expect(tab.Why).ToContainTextAsync("closed");
        await Expect(tab.Why).ToContainTextAsync("We are closed right now: we open again");
        await Expect(tab.Why).ToContainTextAsync("nothing sent");
        await tab.ScreenshotAsync("console-time-travel");
        await Expect(tab.Conversation.Locator("article")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RuleReply_LooksLikeHtml_IsShownAsText()
    {
        const string Markup = "<img src=x onerror=alert(1)>";
        await fixture.AddRuleAsync("xss-test", new Dictionary<string, object>
        {
            ["Keywords"] = "xsstest",
            ["Reply"] = Markup,
            ["Priority"] = 1,
        });
        await using var tab = await fixture.OpenConsoleAsync();

        await tab.SayAsync("xsstest");

        await Expect(tab.Replies.Last).ToContainTextAsync(Markup);
        Assert.Equal(0, await tab.Page.Locator("img").CountAsync());
        Assert.Empty(tab.Dialogs);
    }

    [Fact]
    public async Task GraphApi_TestContacts_ReceiveNothingWhileRealCustomersDo()
    {
        await using var tab = await fixture.OpenConsoleAsync();
        await tab.SayAsync("hello");
        await Expect(tab.Conversation).ToContainTextAsync("welcome to Demo Bakery!");
        var testContact = await tab.WaIdAsync();

        // A real customer, through the signed webhook: the fake Graph API is wired and does receive replies.
        const string RealCustomer = "15550123456";
        var body = WebhookBuilder.Text(RealCustomer, "wamid.REAL_" + Guid.NewGuid().ToString("N"), "hello", DateTimeOffset.UtcNow);
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook") { Content = content };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(body, ConsoleFixture.AppSecret));
        (await client.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await WaitUntilAsync(() => fixture.Graph.Requests.Any(r => To(r) == RealCustomer));

        Assert.StartsWith("999", testContact, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.Graph.Requests, r => To(r)?.StartsWith("999", StringComparison.Ordinal) == true || r.Body.Contains("wamid.CONSOLE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Broadcast_ToTheTestContact_ShowsTheTemplateAndWhatFillsIt()
    {
        await fixture.AddTemplateAsync("console-offer", new Dictionary<string, object>
        {
            ["Name"] = "winter_offer", ["Language"] = "en", ["Category"] = "utility", ["BodyParameters"] = "{{name}}, {{param.offer}}",
        });
        await using var tab = await fixture.OpenConsoleAsync();
        await tab.SayAsync("hello");
        await Expect(tab.Conversation).ToContainTextAsync("welcome to Demo Bakery!");
        var testContact = await tab.WaIdAsync();
        var number = await tab.Page.EvaluateAsync<string>("document.body.dataset.phoneNumberId");

        // The operator's way to try a broadcast on themselves: the broadcast endpoint, audience the test contact.
        var broadcast = new System.Text.Json.Nodes.JsonObject
        {
            ["phoneNumberId"] = number, ["id"] = "console-" + testContact, ["template"] = "console-offer",
            ["audience"] = new System.Text.Json.Nodes.JsonObject { ["contacts"] = new System.Text.Json.Nodes.JsonArray(testContact) },
            ["parameters"] = new System.Text.Json.Nodes.JsonObject { ["offer"] = "bûche -20 %" },
        };
        using var client = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/manage/broadcasts") { Content = new StringContent(broadcast.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("x-functions-key", ConsoleFixture.FunctionKey);
        using var started = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(started.StatusCode == System.Net.HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var card = tab.Conversation.Locator("article.out .template");
        await Expect(card).ToContainTextAsync("Template “winter_offer” · en");
        await Expect(card).ToContainTextAsync("{{2}} bûche -20 %");
        await Expect(card.Locator("li")).ToHaveCountAsync(2);
        await tab.ScreenshotAsync("console-template");
        Assert.Empty(tab.Errors);
        Assert.DoesNotContain(fixture.Graph.Requests, r => To(r) == testContact);
    }

    private static string? To(RecordedGraphRequest request) => request.Json?["to"]?.GetValue<string>().TrimStart('+');

    private static DateTime NextSunday(DateTime from)
    {
        var day = from.Date.AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within a minute.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}

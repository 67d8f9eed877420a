using System.Net;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// Signed webhooks in over HTTP, replies out at the fake Graph endpoint: the pipeline as Meta and a business see it.
/// Each test uses its own customer number, so they share one running DevHost.
/// </summary>
public sealed class ReplyPipelineTests(ReplyPipelineFixture pipeline) : IClassFixture<ReplyPipelineFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task FirstText_InOpeningHours_GetsGreetingAndTheMatchingAnswer()
    {
        var customer = "15550300001";

        await PostAsync(WebhookBuilder.Text(customer, "wamid.E2E_OPEN_1", "Hi! What are your opening hours?", pipeline.AdvanceTo(DayOfWeek.Wednesday, 9), "Alice"));

        var texts = await WaitForTextsAsync(customer, 2);
        Assert.Contains(texts, t => t.Contains("Hello Alice, welcome to Demo Bakery", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("We are open Monday to Friday", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("We are closed", StringComparison.Ordinal));
        Assert.True(texts.Count <= 3);
        Assert.Contains(pipeline.Graph.Requests, r => r.IsMarkRead && r.Json?["message_id"]?.GetValue<string>() == "wamid.E2E_OPEN_1");
        Assert.All(pipeline.Graph.Requests, r => Assert.Equal("Bearer test-access-token", r.Authorization));
    }

    [Fact]
    public async Task SameWebhookTwiceAtTheSameMoment_IsAnsweredOnce()
    {
        var customer = "15550300002";
        var body = WebhookBuilder.Text(customer, "wamid.E2E_DUP_1", "opening hours please", pipeline.AdvanceTo(DayOfWeek.Wednesday, 9));

        await Task.WhenAll(PostAsync(body), PostAsync(body));
        await WaitForTextsAsync(customer, 1);
        await pipeline.WaitForInboxDrainedAsync(TimeSpan.FromSeconds(90));
        await PostAsync(body);
        await pipeline.WaitForInboxDrainedAsync(TimeSpan.FromSeconds(90));

        var texts = pipeline.TextsTo(customer);
        Assert.Single(texts, t => t.Contains("We are open Monday to Friday", StringComparison.Ordinal));
        Assert.Single(texts, t => t.Contains("welcome to Demo Bakery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stop_ConfirmsOnceThenSilencesTheContact()
    {
        var customer = "15550300003";
        var at = pipeline.AdvanceTo(DayOfWeek.Wednesday, 9);

        await PostAsync(WebhookBuilder.Text(customer, "wamid.E2E_STOP_1", "STOP", at));
        var afterStop = await WaitForTextsAsync(customer, 1);
        await PostAsync(WebhookBuilder.Text(customer, "wamid.E2E_STOP_2", "what are your prices?", at.AddMinutes(1)));
        await pipeline.WaitForInboxDrainedAsync(TimeSpan.FromSeconds(90));
        await WaitForReadReceiptAsync("wamid.E2E_STOP_2");

        Assert.Equal(afterStop, pipeline.TextsTo(customer));
        Assert.DoesNotContain(pipeline.TextsTo(customer), t => t.Contains("croissant", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClosedDay_BringsTheAwayMessageOncePerCooldown()
    {
        var customer = "15550300004";

        // The demo bakery is closed on Sundays (10:00 UTC is 11:00 in Paris).
        var sunday = pipeline.AdvanceTo(DayOfWeek.Sunday, 10);

        await PostAsync(WebhookBuilder.Text(customer, "wamid.E2E_AWAY_1", "hello", sunday));
        await WaitForTextsAsync(customer, 2);
        pipeline.Clock.Advance(TimeSpan.FromMinutes(5));
        await PostAsync(WebhookBuilder.Text(customer, "wamid.E2E_AWAY_2", "anyone there?", sunday.AddMinutes(5)));
        await pipeline.WaitForInboxDrainedAsync(TimeSpan.FromSeconds(90));
        await WaitForReadReceiptAsync("wamid.E2E_AWAY_2");

        var away = pipeline.TextsTo(customer).Where(t => t.Contains("We are closed right now", StringComparison.Ordinal)).ToList();
        Assert.Single(away);
        Assert.Contains("Monday", away[0], StringComparison.Ordinal);
    }

    private async Task PostAsync(byte[] body)
    {
        var response = await pipeline.Host.PostWebhookAsync(body, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<IReadOnlyList<string>> WaitForTextsAsync(string customer, int count)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (pipeline.TextsTo(customer).Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var texts = pipeline.TextsTo(customer);
        Assert.True(texts.Count >= count, $"expected {count} replies to {customer}, got: {string.Join(" | ", texts)}");

        // Replies are spaced a second apart; give the rest of this answer time to land.
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        return pipeline.TextsTo(customer);
    }

    private async Task WaitForReadReceiptAsync(string messageId)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!pipeline.Graph.Requests.Any(r => r.IsMarkRead && r.Json?["message_id"]?.GetValue<string>() == messageId))
        {
            Assert.True(DateTime.UtcNow < deadline, $"no read receipt for {messageId}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
    }
}

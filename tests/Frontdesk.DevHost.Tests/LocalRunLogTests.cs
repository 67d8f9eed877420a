using System.Net;
using System.Text;
using Frontdesk.Core.Telemetry;
using Frontdesk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.DevHost.Tests;

/// <summary>A local run without an access token, read through its log as the developer reads it in the console.</summary>
public sealed class LocalRunFixture : IAsyncLifetime
{
    public AzuriteServer Azurite { get; private set; } = null!;

    public DevHostRun Host { get; private set; } = null!;

    public LogRecorder Log { get; } = new();

    /// <summary>A Wednesday at 10:58 in Paris: the demo bakery is open.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 9, 58, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        Azurite = await AzuriteServer.StartAsync();
        Host = await DevHostRun.StartAsync(Azurite, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Log);
        });
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

/// <summary>
/// What the log says when nothing goes to Meta: "printed, not sent: no access token" (never "sent"), read receipts as
/// read receipts, no <c>(null)</c>, one line when a message gets no answer and why; and the JSON people read (printed
/// replies, explain, error bodies) as readable UTF-8.
/// </summary>
public sealed class LocalRunLogTests(LocalRunFixture run) : IClassFixture<LocalRunFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoAccessToken_RepliesArePrintedNotSent_AndTheLogSaysSo()
    {
        await PostAsync(WebhookBuilder.Text("15550400001", "wamid.LOG_1", "Hi! What are your opening hours?", Now()));

        var printed = await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.ReplyPrinted && e.Message.Contains("15550400001", StringComparison.Ordinal) && e.Message.Contains("Rule reply (rule hours)", StringComparison.Ordinal), Ct);
        var receipt = await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.ReadReceiptPrinted && e.Message.Contains("wamid.LOG_1", StringComparison.Ordinal), Ct);

        Assert.Contains("printed, not sent: no access token", printed.Message, StringComparison.Ordinal);
        Assert.Contains("printed, not sent: no access token", receipt.Message, StringComparison.Ordinal);
        Assert.Contains(run.Log.WithId(TelemetryEvents.ReplyPrinted), e => e.Message.StartsWith("Greeting reply (rule none)", StringComparison.Ordinal));
        Assert.Empty(run.Log.WithId(TelemetryEvents.ReplySent));
        Assert.Empty(run.Log.WithId(TelemetryEvents.ReadReceiptSent));
        Assert.DoesNotContain(run.Log.Entries, e => e.Message.Contains("(null)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PrintedReplyJson_IsReadableUtf8()
    {
        await PostAsync(WebhookBuilder.Text("15550400002", "wamid.LOG_2", "éclair au chocolat", Now()));

        var printed = await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.ReplyPrinted && e.Message.Contains("15550400002", StringComparison.Ordinal) && e.Message.Contains("Catalogue", StringComparison.Ordinal), Ct);

        Assert.Contains("Éclair au chocolat", printed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", printed.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u20AC", printed.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OptedOutContact_OneLineSaysNotAnswered()
    {
        var at = Now();
        await PostAsync(WebhookBuilder.Text("15550400003", "wamid.LOG_3A", "STOP", at));
        await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.ReplyPrinted && e.Message.Contains("15550400003", StringComparison.Ordinal), Ct);
        await PostAsync(WebhookBuilder.Text("15550400003", "wamid.LOG_3B", "what are your opening hours?", at.AddMinutes(1)));

        var line = await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.InboundNotAnswered && e.Message.Contains("wamid.LOG_3B", StringComparison.Ordinal), Ct);

        Assert.Contains("not answered: contact opted out", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausedAfterHandoff_OneLineSaysPausedUntil()
    {
        var at = Now();
        await PostAsync(WebhookBuilder.Text("15550400004", "wamid.LOG_4A", "I want to talk to a person", at));
        await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.ReplyPrinted && e.Message.Contains("15550400004", StringComparison.Ordinal) && e.Message.Contains("Handoff", StringComparison.Ordinal), Ct);
        await PostAsync(WebhookBuilder.Text("15550400004", "wamid.LOG_4B", "hello?", at.AddMinutes(1)));

        var line = await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.InboundNotAnswered && e.Message.Contains("wamid.LOG_4B", StringComparison.Ordinal), Ct);

        Assert.Contains("not answered: paused until ", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwayInsideItsCooldown_OneLineSaysNotRepeated()
    {
        var sunday = NextSunday();
        await PostAsync(WebhookBuilder.Text("15550400005", "wamid.LOG_5A", "hello", sunday));
        await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.ReplyPrinted && e.Message.Contains("15550400005", StringComparison.Ordinal) && e.Message.Contains("Away", StringComparison.Ordinal), Ct);
        await PostAsync(WebhookBuilder.Text("15550400005", "wamid.LOG_5B", "anyone there?", sunday.AddMinutes(5)));

        var line = await run.Log.WaitForAsync(e => e.EventId == TelemetryEvents.InboundNotAnswered && e.Message.Contains("wamid.LOG_5B", StringComparison.Ordinal), Ct);

        Assert.Contains("away message not repeated: cooldown until ", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplainAndErrorBodies_AreReadableUtf8()
    {
        using var explainBody = new StringContent("""{"phoneNumberId":"200000000000001","from":"15550400006","text":"éclair au café ?"}""", Encoding.UTF8, "application/json");
        using var explain = await run.Host.Client.PostAsync($"/api/manage/explain?code={DevHostRun.FunctionKey}", explainBody, Ct);
        using var empty = new StringContent("", Encoding.UTF8, "text/csv");
        using var refused = await run.Host.Client.PostAsync($"/api/manage/catalogue/import?phoneNumberId=200000000000001&code={DevHostRun.FunctionKey}", empty, Ct);

        var explained = await explain.Content.ReadAsStringAsync(Ct);
        var problem = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, explain.StatusCode);
        Assert.Contains("Éclair au café", explained, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u00", explained, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("…", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u2026", problem, StringComparison.OrdinalIgnoreCase);
    }

    private DateTimeOffset Now() => run.Clock.GetUtcNow();

    /// <summary>The next Sunday at 10:00 UTC (the bakery is closed); the clock moves there and stays.</summary>
    private DateTimeOffset NextSunday()
    {
        lock (run.Clock)
        {
            var now = run.Clock.GetUtcNow();
            var next = new DateTimeOffset(now.Date, TimeSpan.Zero).AddHours(10);
            while (next <= now || next.DayOfWeek != DayOfWeek.Sunday)
            {
                next = next.AddDays(1);
            }

            run.Clock.SetUtcNow(next);
            return next;
        }
    }

    private async Task PostAsync(byte[] body)
    {
        var response = await run.Host.PostWebhookAsync(body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

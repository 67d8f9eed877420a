using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Testing;

/// <summary>
/// The fake Graph API's Meta-like faults and status webhooks, over real HTTP: what the caller sees, what the fake
/// records as accepted (what the customer receives), and the signed statuses it posts back.
/// </summary>
public sealed class FakeGraphFaultTests
{
    private const string Secret = "fake_graph_status_secret";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(int Status, string Body, string? RetryAfter, string? Failure)> SendAsync(FakeGraphServer graph, string to, string? callback = null)
    {
        using var http = new HttpClient();
        var json = new System.Text.Json.Nodes.JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["to"] = to,
            ["type"] = "text",
            ["text"] = new System.Text.Json.Nodes.JsonObject { ["body"] = "hi" },
        };
        if (callback is not null)
        {
            json["biz_opaque_callback_data"] = callback;
        }

        using var content = new StringContent(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(new Uri(graph.BaseUrl, "/v25.0/200000000000001/messages"), content, Cancel);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Cancel), response.Headers.RetryAfter?.ToString(), null);
        }
        catch (HttpRequestException e)
        {
            return (0, "", null, e.HttpRequestError.ToString());
        }
    }

    [Fact]
    public async Task Drop_BeforeHandling_CallerFailsAndNothingIsAccepted()
    {
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.Enqueue(FakeGraphResponse.DropBeforeHandling());

        var dropped = await SendAsync(graph, "+15550199991");
        var next = await SendAsync(graph, "+15550199991");

        Assert.Equal(0, dropped.Status);
        Assert.NotNull(dropped.Failure);
        Assert.Equal(200, next.Status);
        Assert.Equal(2, graph.Requests.Count);
        var accepted = Assert.Single(graph.AcceptedTo("15550199991"));
        Assert.Equal(2, accepted.Request.Sequence);
        Assert.False(accepted.AnswerDropped);
    }

    [Fact]
    public async Task Drop_AfterAccepting_CallerFailsButTheCustomerHasIt()
    {
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.Enqueue(FakeGraphResponse.DropAfterAccepting());

        var dropped = await SendAsync(graph, "+15550199992", "frontdesk:wamid.IN:1");

        Assert.Equal(0, dropped.Status);
        var accepted = Assert.Single(graph.AcceptedTo("+15550199992"));
        Assert.True(accepted.AnswerDropped);
        Assert.Equal("frontdesk:wamid.IN:1", accepted.CallbackData);
        Assert.StartsWith("wamid.FAKE_SENT_", accepted.WamId, StringComparison.Ordinal);
        Assert.Single(graph.Requests);
    }

    [Fact]
    public async Task Drop_OnAReusedConnection_IsNotRetriedByTheClient()
    {
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        using var http = new HttpClient();
        var uri = new Uri(graph.BaseUrl, "/v25.0/1/messages");
        graph.Enqueue(new FakeGraphResponse(), FakeGraphResponse.DropAfterAccepting(), FakeGraphResponse.DropBeforeHandling());

        using var first = await http.PostAsync(uri, new StringContent("""{"to":"+1"}"""), Cancel);
        var afterAccepting = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(uri, new StringContent("""{"to":"+1"}"""), Cancel));
        var beforeHandling = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(uri, new StringContent("""{"to":"+1"}"""), Cancel));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(3, graph.Requests.Count);
        Assert.Equal(2, graph.AcceptedTo("1").Count);
        // The sender cannot tell the two apart: both are a lost answer ("maybe accepted"), never a refused connection.
        Assert.Equal(SendOutcome.MaybeAccepted, GraphWhatsAppClient.FromException(afterAccepting).Outcome);
        Assert.Equal(SendOutcome.MaybeAccepted, GraphWhatsAppClient.FromException(beforeHandling).Outcome);
    }

    [Fact]
    public async Task Throttle_WithRetryAfter_IsMetasErrorWithTheHeader()
    {
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.Enqueue(FakeGraphResponse.Throttle(TimeSpan.FromSeconds(3)), FakeGraphResponse.PairPacing());

        var throttled = await SendAsync(graph, "+1555");
        var paced = await SendAsync(graph, "+1555");

        var throttle = GraphWhatsAppClient.FromError(throttled.Status, throttled.Body, null);
        Assert.Equal((SendOutcome.Throttled, 130429), (throttle.Outcome, throttle.Error!.Code));
        Assert.Equal("3", throttled.RetryAfter);
        Assert.Equal(131056, GraphWhatsAppClient.FromError(paced.Status, paced.Body, null).Error!.Code);
        Assert.Empty(graph.Accepted);
    }

    [Fact]
    public async Task EnqueueFor_OneRecipient_GoesAheadOfTheSharedScriptForThatRecipientOnly()
    {
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.EnqueueFor("+15550199997", FakeGraphResponse.ServerError(502));
        graph.Enqueue(FakeGraphResponse.ServerError(500));

        var other = await SendAsync(graph, "+15550199998");
        var mine = await SendAsync(graph, "15550199997");
        var mineAgain = await SendAsync(graph, "15550199997");

        Assert.Equal((500, 502, 200), (other.Status, mine.Status, mineAgain.Status));
    }

    [Fact]
    public async Task Faults_SameSeed_SameSequenceOfAnswers()
    {
        var faults = new FakeGraphFaults { Seed = 42, Throttle = 0.3, ServerError = 0.3 };

        var first = await AnswersAsync(faults);
        var second = await AnswersAsync(faults);
        var other = await AnswersAsync(faults with { Seed = 43 });

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains(400, first);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
    }

    private static async Task<int[]> AnswersAsync(FakeGraphFaults faults)
    {
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.Faults = faults;
        var statuses = new int[30];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = (await SendAsync(graph, "+1555")).Status;
        }

        Assert.Equal(statuses.Count(s => s == 200), graph.Accepted.Count);
        return statuses;
    }

    [Fact]
    public async Task Faults_Certain_AppliesToEveryUnscriptedRequest()
    {
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.Faults = new FakeGraphFaults { DropAfterAccepting = 1 };
        graph.Enqueue(new FakeGraphResponse());

        var scripted = await SendAsync(graph, "+1");
        var faulted = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(graph, "+2")));

        Assert.Equal(200, scripted.Status);
        Assert.All(faulted, f => Assert.Equal(0, f.Status));
        Assert.Equal(5, graph.AcceptedTo("2").Count(a => a.AnswerDropped));
        Assert.Equal(5, graph.InjectedFaults["DropAfterAccepting"]);
    }

    [Fact]
    public async Task MessagesPerSecondLimit_OverTheLimit_Answers130429UntilASecondPasses()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));
        await using var graph = await FakeGraphServer.StartAsync(clock, Cancel);
        graph.Faults = new FakeGraphFaults { MessagesPerSecondLimit = 3 };

        var inTheSecond = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            inTheSecond.Add((await SendAsync(graph, "+1")).Status);
        }

        clock.Advance(TimeSpan.FromSeconds(1));
        var later = await SendAsync(graph, "+1");

        Assert.Equal([200, 200, 200, 400], inTheSecond);
        Assert.Equal(200, later.Status);
        Assert.Equal(3, graph.PeakAccepted(TimeSpan.FromSeconds(1)));
        Assert.Equal(1, graph.InjectedFaults["MessagesPerSecondLimit"]);
        Assert.Equal(4, graph.Accepted.Count);
    }

    [Fact]
    public async Task PostStatusesTo_AcceptedMessage_PostsSignedSentDeliveredReadInOrder()
    {
        await using var webhook = await WebhookCatcher.StartAsync();
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.PostStatusesTo(new FakeGraphStatusWebhooks(webhook.Url, Secret) { Read = true, SentDelay = TimeSpan.Zero, StepDelay = TimeSpan.FromMilliseconds(10) });

        var answer = await SendAsync(graph, "+15550199993", "frontdesk:wamid.IN:2");
        await graph.WaitForStatusesAsync(TimeSpan.FromSeconds(30), Cancel);

        var wamId = GraphWhatsAppClient.FromSuccess(answer.Body).WamId;
        var statuses = webhook.Bodies.Select(b => WebhookParser.Parse(b.Body)).SelectMany(b => b.Statuses).ToList();
        Assert.All(webhook.Bodies, b => Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(b.Signature, b.Body, AppSecrets.Parse(Secret))));
        Assert.Equal(["sent", "delivered", "read"], statuses.Select(s => s.Status));
        Assert.All(statuses, s => Assert.Equal((wamId, "15550199993", "frontdesk:wamid.IN:2", "200000000000001"), (s.MessageId, s.RecipientId, s.BizOpaqueCallbackData, s.PhoneNumberId)));
        Assert.Equal(3, graph.PostedStatuses.Count(p => p.Delivered && p.Attempts == 1));
    }

    [Fact]
    public async Task PostStatusesTo_FailureOnDemand_PostsFailedWithTheCode()
    {
        await using var webhook = await WebhookCatcher.StartAsync();
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.PostStatusesTo(new FakeGraphStatusWebhooks(webhook.Url, Secret) { SentDelay = TimeSpan.Zero });
        graph.FailDeliveriesTo("+15550199994", 131026);
        graph.Enqueue(FakeGraphResponse.AcceptThenFail(131049));

        await SendAsync(graph, "+15550199995");
        await SendAsync(graph, "+15550199994");
        await graph.WaitForStatusesAsync(TimeSpan.FromSeconds(30), Cancel);

        var statuses = webhook.Bodies.Select(b => WebhookParser.Parse(b.Body)).SelectMany(b => b.Statuses).ToList();
        Assert.Equal(2, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("failed", s.Status));
        Assert.Equal(131049, statuses.Single(s => s.RecipientId == "15550199995").Errors.Single().Code);
        Assert.Equal(131026, statuses.Single(s => s.RecipientId == "15550199994").Errors.Single().Code);
    }

    [Fact]
    public async Task PostStatusesTo_WebhookFailsThenRecovers_RetriesAndPostsEveryCopy()
    {
        await using var webhook = await WebhookCatcher.StartAsync(failFirst: 2);
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.PostStatusesTo(new FakeGraphStatusWebhooks(webhook.Url, Secret) { Delivered = false, Copies = 2, SentDelay = TimeSpan.Zero });

        await SendAsync(graph, "+15550199996");
        await graph.WaitForStatusesAsync(TimeSpan.FromSeconds(30), Cancel);

        var posted = Assert.Single(graph.PostedStatuses);
        Assert.True(posted.Delivered);
        Assert.Equal(2, posted.Attempts);
        Assert.Equal(4, webhook.Bodies.Count);
        Assert.Single(webhook.Bodies.Select(b => Convert.ToHexString(b.Body)).Distinct());
    }

    [Fact]
    public async Task PostStatusesTo_WebhookMovedWhileRetrying_StatusGoesToTheNewOne()
    {
        // The first webhook answers 500 until the statuses move, as a host that is going down would.
        await using var old = await WebhookCatcher.StartAsync(failFirst: int.MaxValue);
        await using var moved = await WebhookCatcher.StartAsync();
        await using var graph = await FakeGraphServer.StartAsync(Cancel);
        graph.PostStatusesTo(new FakeGraphStatusWebhooks(old.Url, Secret) { Delivered = false, SentDelay = TimeSpan.Zero });

        await SendAsync(graph, "+15550199997");
        while (old.Bodies.Count == 0)
        {
            await Task.Delay(20, Cancel);
        }

        graph.PostStatusesTo(new FakeGraphStatusWebhooks(moved.Url, Secret) { Delivered = false, SentDelay = TimeSpan.Zero });
        await graph.WaitForStatusesAsync(TimeSpan.FromSeconds(30), Cancel);

        var posted = Assert.Single(graph.PostedStatuses);
        Assert.True(posted.Delivered);
        Assert.Equal("sent", WebhookParser.Parse(Assert.Single(moved.Bodies).Body).Statuses.Single().Status);
    }

    /// <summary>A webhook endpoint that records what it is posted; the first <c>failFirst</c> POSTs get a 500.</summary>
    private sealed class WebhookCatcher : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(byte[] Body, string? Signature)> _bodies = new();
        private int _failuresLeft;

        private WebhookCatcher(WebApplication app, int failFirst)
        {
            _app = app;
            _failuresLeft = failFirst;
        }

        public Uri Url { get; private set; } = null!;

        public IReadOnlyList<(byte[] Body, string? Signature)> Bodies => [.. _bodies];

        public static async Task<WebhookCatcher> StartAsync(int failFirst = 0)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var catcher = new WebhookCatcher(app, failFirst);
            app.Run(catcher.HandleAsync);
            await app.StartAsync(Cancel);
            catcher.Url = new Uri(new Uri(app.Urls.First()), "/api/webhook");
            return catcher;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        private async Task HandleAsync(HttpContext context)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            _bodies.Enqueue((buffer.ToArray(), context.Request.Headers[WebhookSignature.HeaderName].FirstOrDefault()));
            context.Response.StatusCode = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
        }
    }
}

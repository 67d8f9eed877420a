using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.WhatsApp;

public sealed class OutboundSenderTests
{
    private readonly InMemorySendLedger _ledger = new();
    private readonly RecordingOutboundQueue _queue = new();
    private readonly FakeLogCollector _logs = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero));

    private OutboundSender Sender(StubHandler stub, int maxAttempts = 8) => new(
        new GraphWhatsAppClient(
            new HttpClient(stub),
            Options.Create(new Core.WhatsApp.WhatsAppOptions { AccessToken = "t", GraphBaseUrl = new Uri("https://graph.example.test") }),
            TimeProvider.System,
            new FakeLogger<GraphWhatsAppClient>()),
        _ledger,
        _queue,
        Options.Create(new OutboundOptions { MaxAttempts = maxAttempts, MaxReplyAgeMinutes = 60 }),
        _clock,
        new FakeLogger<OutboundSender>(_logs));

    private static StubHandler Ok() => StubHandler.Answering(200, """{"messages":[{"id":"wamid.OK"}]}""");

    private static StubHandler MetaError(int status, int code) =>
        StubHandler.Answering(status, $$$"""{"error":{"message":"(#{{{code}}}) Title {{{code}}}","code":{{{code}}}}}""");

    [Fact]
    public async Task SendAsync_Redelivery_IsSkippedAfterTheFirstSend()
    {
        var stub = Ok();
        var sender = Sender(stub);

        Assert.Equal(SendDisposition.Sent, await sender.SendAsync(Messages.Text(), TestContext.Current.CancellationToken));
        Assert.Equal(SendDisposition.SkippedDuplicate, await sender.SendAsync(Messages.Text(), TestContext.Current.CancellationToken));

        Assert.Single(stub.Requests);
        var sent = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.ReplySent);
        Assert.Equal("106540352242922", sent.GetStructuredStateValue("PhoneNumberId"));
        Assert.Equal("Rule", sent.GetStructuredStateValue("ReplyKind"));
    }

    [Fact]
    public async Task SendAsync_PermanentError_IsRecordedFailedAndLoggedWithMetasCode()
    {
        var sender = Sender(MetaError(400, 131047));

        Assert.Equal(SendDisposition.Failed, await sender.SendAsync(Messages.Text(), TestContext.Current.CancellationToken));

        Assert.Equal("Failed", _ledger.States["wamid.IN:0"]);
        Assert.Empty(_queue.Enqueued);
        var failed = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.SendFailed);
        Assert.Equal("131047", failed.GetStructuredStateValue("MetaErrorCode"));
        Assert.Equal("Title 131047", failed.GetStructuredStateValue("MetaErrorTitle"));
    }

    [Fact]
    public async Task SendAsync_Throttling_ReEnqueuesWithAttemptPlusOneAndADelayAndReleasesTheKey()
    {
        var sender = Sender(MetaError(400, 131056));

        Assert.Equal(SendDisposition.RetryScheduled, await sender.SendAsync(Messages.Text() with { Attempt = 1 }, TestContext.Current.CancellationToken));

        var (message, delay) = Assert.Single(_queue.Enqueued);
        Assert.Equal(2, message.Attempt);
        Assert.InRange(delay!.Value, TimeSpan.FromSeconds(12), TimeSpan.FromSeconds(15));
        Assert.Contains("131056", message.LastError, StringComparison.Ordinal);
        Assert.Equal("Retryable", _ledger.States["wamid.IN:0"]);
    }

    [Fact]
    public async Task SendAsync_ReleasedKey_IsSentByTheRetry()
    {
        var calls = 0;
        var stub = new StubHandler((_, _) => Task.FromResult(Interlocked.Increment(ref calls) == 1
            ? new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable)
            : new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("""{"messages":[{"id":"wamid.2"}]}""") }));
        var sender = Sender(stub);

        Assert.Equal(SendDisposition.RetryScheduled, await sender.SendAsync(Messages.Text(), TestContext.Current.CancellationToken));
        var (retry, _) = Assert.Single(_queue.Enqueued);
        Assert.Equal(SendDisposition.Sent, await sender.SendAsync(retry, TestContext.Current.CancellationToken));
        Assert.Equal("Sent", _ledger.States["wamid.IN:0"]);
    }

    [Fact]
    public async Task SendAsync_LastAllowedAttempt_GoesToPoisonWithItsLastError()
    {
        var sender = Sender(MetaError(503, 131016), maxAttempts: 3);

        Assert.Equal(SendDisposition.Poisoned, await sender.SendAsync(Messages.Text() with { Attempt = 2 }, TestContext.Current.CancellationToken));

        Assert.Empty(_queue.Enqueued);
        var (message, reason) = Assert.Single(_queue.Poisoned);
        Assert.Equal(3, message.Attempt);
        Assert.Contains("131016", message.LastError, StringComparison.Ordinal);
        Assert.Contains("gave up after 3 attempts", reason, StringComparison.Ordinal);
        Assert.Equal("Failed", _ledger.States["wamid.IN:0"]);
        Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.SendFailed);
    }

    [Fact]
    public async Task SendAsync_LostAnswer_IsRecordedUnknownAndOnlyItsGraceCheckIsQueued()
    {
        var stub = new StubHandler((_, _) => throw new HttpRequestException(HttpRequestError.ResponseEnded, "gone"));
        var sender = Sender(stub);

        Assert.Equal(SendDisposition.MaybeSent, await sender.SendAsync(Messages.Text() with { Then = [Messages.Text(key: "wamid.IN:1")] }, TestContext.Current.CancellationToken));
        Assert.Equal(SendDisposition.MaybeSent, await sender.SendAsync(Messages.Text(), TestContext.Current.CancellationToken));

        Assert.Single(stub.Requests);
        Assert.Equal("Unknown", _ledger.States["wamid.IN:0"]);
        var checks = _queue.Enqueued.Where(e => e.Message.UnknownCheck).ToList();
        var (check, delay) = Assert.Single(checks);
        Assert.Equal("wamid.IN:0", check.IdempotencyKey);
        Assert.Empty(check.Then);
        Assert.Equal(TimeSpan.FromSeconds(300), delay);
        Assert.Equal(["wamid.IN:1"], _queue.Enqueued.Where(e => !e.Message.UnknownCheck).Select(e => e.Message.IdempotencyKey));
    }

    [Fact]
    public async Task SendAsync_KeyLeftSendingByADeadInstance_IsNotResent()
    {
        _ledger.States["wamid.IN:0"] = "Sending";
        var stub = Ok();

        Assert.Equal(SendDisposition.MaybeSent, await Sender(stub).SendAsync(Messages.Text(), TestContext.Current.CancellationToken));

        Assert.Empty(stub.Requests);
        Assert.Equal("Unknown", _ledger.States["wamid.IN:0"]);
        Assert.Contains(_logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Warning && r.Message.Contains("may have been sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_OverLimitBody_FailsForGoodWithoutACall()
    {
        var stub = Ok();
        Assert.Equal(SendDisposition.Failed, await Sender(stub).SendAsync(Messages.Text(new string('a', 4097)), TestContext.Current.CancellationToken));
        Assert.Empty(stub.Requests);
        Assert.Equal("Failed", _ledger.States["wamid.IN:0"]);
    }

    [Fact]
    public async Task Chain_SentHead_QueuesTheNextReplyCarryingTheRest()
    {
        var chain = OutboundMessage.Chain([Messages.Text("one", "wamid.IN:1"), Messages.Text("two", "wamid.IN:2"), Messages.Text("three", "wamid.IN:3")])!;

        Assert.Equal(SendDisposition.Sent, await Sender(Ok()).SendAsync(chain, TestContext.Current.CancellationToken));

        var (next, delay) = Assert.Single(_queue.Enqueued);
        Assert.Null(delay);
        Assert.Equal("wamid.IN:2", next.IdempotencyKey);
        Assert.Equal("wamid.IN:3", Assert.Single(next.Then).IdempotencyKey);
    }

    [Fact]
    public async Task Chain_ThrottledHead_IsRetriedWithItsChainAndNothingOvertakesIt()
    {
        var chain = OutboundMessage.Chain([Messages.Text("one", "wamid.IN:1"), Messages.Text("two", "wamid.IN:2")])!;

        Assert.Equal(SendDisposition.RetryScheduled, await Sender(MetaError(400, 130429)).SendAsync(chain, TestContext.Current.CancellationToken));

        var (retry, _) = Assert.Single(_queue.Enqueued);
        Assert.Equal("wamid.IN:1", retry.IdempotencyKey);
        Assert.Equal("wamid.IN:2", Assert.Single(retry.Then).IdempotencyKey);
    }

    [Fact]
    public async Task Chain_DuplicateHead_StillReleasesTheNextReply()
    {
        var chain = OutboundMessage.Chain([Messages.Text("one", "wamid.IN:1"), Messages.Text("two", "wamid.IN:2")])!;
        var sender = Sender(Ok());
        await sender.SendAsync(chain with { Then = [] }, TestContext.Current.CancellationToken);

        Assert.Equal(SendDisposition.SkippedDuplicate, await sender.SendAsync(chain, TestContext.Current.CancellationToken));

        Assert.Equal("wamid.IN:2", Assert.Single(_queue.Enqueued).Message.IdempotencyKey);
    }

    [Theory]
    [InlineData(400, 130429)]
    [InlineData(503, 131016)]
    public async Task SendAsync_FirstThrottleOrTransientFailure_RetriesWithinOneToTwoSeconds(int status, int code)
    {
        for (var i = 0; i < 20; i++)
        {
            await Sender(MetaError(status, code)).SendAsync(Messages.Text(key: $"wamid.IN:{i}"), TestContext.Current.CancellationToken);
        }

        Assert.Equal(20, _queue.Enqueued.Count);
        Assert.All(_queue.Enqueued, e => Assert.InRange(e.Delay!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
        Assert.True(_queue.Enqueued.Select(e => e.Delay).Distinct().Count() > 1, "jittered, not all equal");
    }

    [Fact]
    public async Task SendAsync_ReplyOlderThanMaxReplyAge_IsDroppedWithAWarningAndNoCall()
    {
        var stub = Ok();
        var chain = OutboundMessage.Chain([
            Messages.Text("one", "wamid.OLD:1") with { InboundAt = _clock.GetUtcNow().AddMinutes(-61) },
            Messages.Text("two", "wamid.OLD:2") with { InboundAt = _clock.GetUtcNow().AddMinutes(-61) }])!;

        Assert.Equal(SendDisposition.Expired, await Sender(stub).SendAsync(chain, TestContext.Current.CancellationToken));

        Assert.Empty(stub.Requests);
        Assert.Equal("Failed", _ledger.States["wamid.OLD:1"]);
        var expired = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.ReplyExpired);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, expired.Level);
        Assert.Contains("not sent: the customer wrote 61 min ago", expired.Message, StringComparison.Ordinal);
        Assert.Equal("wamid.OLD:2", Assert.Single(_queue.Enqueued).Message.IdempotencyKey);
    }

    [Fact]
    public async Task SendAsync_ReplyWithinMaxReplyAgeOrAnsweringNothing_IsSent()
    {
        var stub = Ok();
        var sender = Sender(stub);

        var recent = await sender.SendAsync(Messages.Text(key: "wamid.NEW:1") with { InboundAt = _clock.GetUtcNow().AddMinutes(-59) }, TestContext.Current.CancellationToken);
        var businessInitiated = await sender.SendAsync(Messages.Text(key: "wamid.NONE:1"), TestContext.Current.CancellationToken);

        Assert.Equal((SendDisposition.Sent, SendDisposition.Sent), (recent, businessInitiated));
        Assert.Equal(2, stub.Requests.Count);
        Assert.DoesNotContain(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.ReplyExpired);
    }
}

using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Outreach.Delivery;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.WhatsApp;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Outreach.Delivery;

public sealed class OutreachSenderTests
{
    private const string Number = "1234567890";
    private const string Customer = "33600000001";

    /// <summary>An answer status that makes the stub drop the connection once the request is out: maybe sent.</summary>
    private const int DropAfterSending = -1;

    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly InMemorySendLedger _ledger = new();
    private readonly RecordingOutreachQueue _queue = new();
    private readonly RecordingOutboundQueue _graceChecks = new();
    private readonly RecordingContactStore _contacts = new();
    private readonly RecordingOutcomeSink _sink = new();
    private readonly FakeLogCollector _logs = new();
    private readonly List<IOutreachGate> _gates = [];
    private readonly ConcurrentQueue<(int Status, string Json)> _answers = new();
    private StubHandler? _stub;

    private static TableRow TemplateRow(string category = "utility") => new(RuleTable.Templates, "default", "back-in-stock", new Dictionary<string, object?>
    {
        ["Name"] = "back_in_stock", ["Language"] = "fr", ["Category"] = category, ["BodyParameters"] = "{{name}}, {{product}}, {{price}}",
    });

    private OutreachSender Sender(params TableRow[] templates)
    {
        _stub = new StubHandler((_, _) =>
        {
            var (status, json) = _answers.TryDequeue(out var next) ? next : (200, """{"messages":[{"id":"wamid.OK"}]}""");
            if (status == DropAfterSending)
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "connection dropped after the request was sent");
            }

            return Task.FromResult(new HttpResponseMessage((System.Net.HttpStatusCode)status) { Content = new StringContent(json) });
        });
        var time = new FakeTimeProvider(s_now);
        var options = Options.Create(new OutboundOptions { MaxAttempts = 3, MessagesPerSecond = 80 });
        return new OutreachSender(
            new GraphWhatsAppClient(
                new HttpClient(_stub),
                Options.Create(new Core.WhatsApp.WhatsAppOptions { AccessToken = "t", GraphBaseUrl = new Uri("https://graph.example.test") }),
                time,
                new FakeLogger<GraphWhatsAppClient>()),
            _ledger,
            _queue,
            _graceChecks,
            _contacts,
            new InMemoryRuleSource(templates),
            [_sink],
            _gates,
            new SendSpacer(options, TimeProvider.System),
            options,
            time,
            new FakeLogger<OutreachSender>(_logs));
    }

    private void Contact(TimeSpan? sinceLastInbound, bool optedOut = false, bool marketingOptOut = false) =>
        _contacts.Contacts[(Number, Customer)] = ContactUpdater.Blank with
        {
            Name = "Élodie",
            LastInbound = s_now - sinceLastInbound,
            OptedOut = optedOut,
            MarketingOptOut = marketingOptOut,
        };

    private static OutreachMessage Message(string key = "restock:SKU1:33600000001:1") => new()
    {
        IdempotencyKey = key,
        PhoneNumberId = Number,
        To = Customer,
        Purpose = "back-in-stock",
        Variables = new Dictionary<string, string> { ["product"] = "Croissant", ["price"] = "1,20 €" },
        FreeForm = new TextBody("Croissant is back: 1,20 €"),
    };

    private List<JsonNode> Sent() => [.. _stub!.Requests.Select(r => JsonNode.Parse(r.Body)!)];

    [Fact]
    public async Task SendAsync_InsideWindow_SendsTheFreeFormBody()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromHours(2));

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.Sent, outcome);
        Assert.Equal("text", Sent().Single()["type"]!.GetValue<string>());
        Assert.Equal((OutreachOutcome.Sent, "wamid.OK"), (_sink.Outcomes.Single().Outcome, _sink.Outcomes.Single().Detail));
    }

    [Fact]
    public async Task SendAsync_GateHoldsIt_SendsNothingAndTellsNoSink()
    {
        var gate = new Moq.Mock<IOutreachGate>();
        gate.Setup(g => g.ReasonNotToSendAsync(Moq.It.IsAny<OutreachMessage>(), Moq.It.IsAny<CancellationToken>())).Returns(Task.FromResult<string?>("broadcast noel is paused"));
        _gates.Add(gate.Object);
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromHours(25));

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.Held, outcome);
        Assert.Empty(Sent());
        Assert.Empty(_sink.Outcomes);
    }

    [Fact]
    public async Task SendAsync_OutsideWindow_SendsTheTemplateFilledFromContactAndMessage()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromHours(25));

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.SentAsTemplate, outcome);
        var template = Sent().Single()["template"]!;
        Assert.Equal("back_in_stock", template["name"]!.GetValue<string>());
        Assert.Equal(["Élodie", "Croissant", "1,20 €"], template["components"]![0]!["parameters"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("utility", false, true, OutreachOutcome.SkippedOptedOut)]
    [InlineData("marketing", false, true, OutreachOutcome.SkippedOptedOut)]
    [InlineData("marketing", true, false, OutreachOutcome.SkippedMarketingOptOut)]
    [InlineData("utility", true, false, OutreachOutcome.SentAsTemplate)]
    public async Task SendAsync_OptOuts_AreHonouredByCategory(string category, bool marketingOptOut, bool optedOut, OutreachOutcome expected)
    {
        var sender = Sender(TemplateRow(category));
        Contact(TimeSpan.FromDays(3), optedOut, marketingOptOut);

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, outcome);
        Assert.Equal(expected == OutreachOutcome.SentAsTemplate ? 1 : 0, _stub!.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_NoTemplateOutsideWindow_RecordsNeedsTemplateOnceAndNeverRetries()
    {
        var sender = Sender();
        Contact(TimeSpan.FromDays(2));

        var first = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);
        var second = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal((OutreachOutcome.NeedsTemplate, OutreachOutcome.Duplicate), (first, second));
        Assert.Empty(_stub!.Requests);
        Assert.Empty(_queue.Retried);
        Assert.Equal("Failed", _ledger.States["restock:SKU1:33600000001:1"]);
        Assert.Single(_logs.GetSnapshot(), l => l.Id.Id == Telemetry.TelemetryEvents.OutreachNeedsTemplate);
    }

    [Fact]
    public async Task SendAsync_Meta131047OnFreeForm_RetriesOnceAsTheTemplate()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromHours(23));
        _answers.Enqueue((400, """{"error":{"message":"(#131047) Re-engagement message","code":131047}}"""));

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.SentAsTemplate, outcome);
        Assert.Equal(["text", "template"], Sent().Select(j => j["type"]!.GetValue<string>()));
        Assert.Equal("Sent", _ledger.States["restock:SKU1:33600000001:1"]);
    }

    [Fact]
    public async Task SendAsync_Throttled_IsQueuedAgainThenPoisonedAfterMaxAttempts()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromDays(2));
        for (var i = 0; i < 3; i++)
        {
            _answers.Enqueue((429, """{"error":{"message":"(#130429) Rate limit hit","code":130429}}"""));
        }

        var first = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);
        var retried = _queue.Retried.Single();
        var second = await sender.SendAsync(retried.Message, TestContext.Current.CancellationToken);
        var third = await sender.SendAsync(_queue.Retried.Last().Message, TestContext.Current.CancellationToken);

        Assert.Equal((OutreachOutcome.RetryScheduled, OutreachOutcome.RetryScheduled, OutreachOutcome.Failed), (first, second, third));
        Assert.InRange(retried.Delay, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)); // 130429: 1 s, stretched by up to ×2 jitter
        Assert.Equal(3, _queue.Poisoned.Single().Message.Attempt);
        Assert.Equal("Failed", _ledger.States["restock:SKU1:33600000001:1"]);
    }

    [Fact]
    public async Task SendAsync_AnswerLost_RecordsMaybeSentAndSchedulesOneGraceCheckOfTheTemplate()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromDays(2));
        _answers.Enqueue((DropAfterSending, ""));

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.MaybeSent, outcome);
        Assert.Equal("Unknown", _ledger.States["restock:SKU1:33600000001:1"]);
        var (check, delay) = Assert.Single(_graceChecks.Enqueued);
        Assert.Equal((true, "restock:SKU1:33600000001:1", ReplyKind.Outreach), (check.UnknownCheck, check.IdempotencyKey, check.Kind));
        Assert.IsType<TemplateBody>(check.Body);
        Assert.Equal(TimeSpan.FromSeconds(new OutboundOptions().UnknownGraceSeconds), delay);
    }

    [Fact]
    public async Task SendAsync_EarlierDeliveryDiedMidSend_SendsNothingAndSchedulesTheGraceCheck()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromHours(2));
        _ledger.States["restock:SKU1:33600000001:1"] = "Sending";

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.MaybeSent, outcome);
        Assert.Empty(Sent());
        Assert.IsType<TextBody>(Assert.Single(_graceChecks.Enqueued).Message.Body);
    }

    [Fact]
    public async Task SendAsync_MessageNotToBeSentFoundSending_SchedulesNoGraceCheck()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromHours(2), optedOut: true);
        _ledger.States["restock:SKU1:33600000001:1"] = "Sending";

        var outcome = await sender.SendAsync(Message(), TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.MaybeSent, outcome);
        Assert.Empty(_graceChecks.Enqueued);
    }

    [Fact]
    public async Task SendAsync_TemplateVariableMissing_IsNotSentAndSaysWhich()
    {
        var sender = Sender(TemplateRow());
        Contact(TimeSpan.FromDays(2));

        var outcome = await sender.SendAsync(Message() with { Variables = new Dictionary<string, string> { ["product"] = "Croissant" } }, TestContext.Current.CancellationToken);

        Assert.Equal(OutreachOutcome.Failed, outcome);
        Assert.Empty(_stub!.Requests);
        Assert.Contains("{{price}}", _sink.Outcomes.Single().Detail, StringComparison.Ordinal);
    }

    private sealed class RecordingOutreachQueue : IOutreachQueue
    {
        public ConcurrentQueue<(OutreachMessage Message, TimeSpan Delay)> Retried { get; } = new();

        public ConcurrentQueue<(OutreachMessage Message, string Reason)> Poisoned { get; } = new();

        public Task<DateTimeOffset> EnqueueAsync(IReadOnlyList<OutreachMessage> messages, double messagesPerSecond, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The sender only retries and poisons.");

        public Task RetryAsync(OutreachMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
        {
            Retried.Enqueue((message, delay));
            return Task.CompletedTask;
        }

        public Task MoveToPoisonAsync(OutreachMessage message, string reason, CancellationToken cancellationToken = default)
        {
            Poisoned.Enqueue((message, reason));
            return Task.CompletedTask;
        }
    }

    private sealed class RecordingOutcomeSink : IOutreachOutcomeSink
    {
        public ConcurrentQueue<(string Key, OutreachOutcome Outcome, string? Detail)> Outcomes { get; } = new();

        public Task RecordAsync(OutreachMessage message, OutreachOutcome outcome, string? detail, CancellationToken cancellationToken = default)
        {
            Outcomes.Enqueue((message.IdempotencyKey, outcome, detail));
            return Task.CompletedTask;
        }
    }
}

using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.Tests.WhatsApp;

/// <summary>The grace check of a maybe-sent reply, over in-memory ports: settled by a status, or sent again once.</summary>
public sealed class UnknownSendReconcilerTests
{
    private readonly InMemorySendLedger _ledger = new();
    private readonly RecordingOutboundQueue _queue = new();
    private readonly RecordingWhatsAppSender _graph = new();
    private readonly FakeLogCollector _logs = new();
    private readonly Dictionary<string, KeyedStatus> _statuses = [];
    private TimeSpan _inboxBehind = TimeSpan.Zero;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private UnknownSendReconciler Reconciler() => new(
        new DictionaryStatusIndex(_statuses),
        _ledger,
        new OutboundSender(_graph, _ledger, _queue, Options.Create(new OutboundOptions()), TimeProvider.System, NullLogger<OutboundSender>.Instance),
        new FixedBacklog(() => _inboxBehind),
        _queue,
        new FakeLogger<UnknownSendReconciler>(_logs));

    [Fact]
    public async Task ReconcileAsync_NoStatusWhileTheInboxIsBehind_WaitsAsLongAgainAndSendsNothing()
    {
        _ledger.States["wamid.IN:0"] = "Unknown";
        _inboxBehind = TimeSpan.FromSeconds(40);

        var disposition = await Reconciler().ReconcileAsync(Messages.Text() with { UnknownCheck = true }, Ct);

        Assert.Equal(SendDisposition.RetryScheduled, disposition);
        Assert.Empty(_graph.Sent);
        Assert.Equal("Unknown", _ledger.States["wamid.IN:0"]);
        var (check, delay) = Assert.Single(_queue.Enqueued);
        Assert.Equal((true, 1, TimeSpan.FromSeconds(40)), (check.UnknownCheck, check.Attempt, delay));
    }

    [Fact]
    public async Task ReconcileAsync_InboxStillBehindAfterTheLastPostponement_SendsAgain()
    {
        _ledger.States["wamid.IN:0"] = "Unknown";
        _inboxBehind = TimeSpan.FromSeconds(40);

        await Reconciler().ReconcileAsync(Messages.Text() with { UnknownCheck = true, Attempt = UnknownSendReconciler.MaxPostponements }, Ct);

        Assert.Equal(["wamid.IN:0"], _graph.Keys);
        Assert.Equal(0, _graph.Sent.Single().Attempt);
    }

    [Theory]
    [InlineData("sent", "Sent")]
    [InlineData("read", "Sent")]
    [InlineData("failed", "Failed")]
    public async Task ReconcileAsync_StatusNamedTheKey_SettlesTheEntryAndSendsNothing(string status, string state)
    {
        _ledger.States["wamid.IN:0"] = "Unknown";
        _statuses["wamid.IN:0"] = new KeyedStatus(status, "wamid.OUT");

        var disposition = await Reconciler().ReconcileAsync(Messages.Text() with { UnknownCheck = true }, Ct);

        Assert.Equal(SendDisposition.SkippedDuplicate, disposition);
        Assert.Empty(_graph.Sent);
        Assert.Equal(state, _ledger.States["wamid.IN:0"]);
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.UnknownSettledByStatus);
    }

    [Fact]
    public async Task ReconcileAsync_NoStatus_SendsAgainOnceAndNeverTwice()
    {
        _ledger.States["wamid.IN:0"] = "Unknown";
        var check = Messages.Text() with { UnknownCheck = true };

        var first = await Reconciler().ReconcileAsync(check, Ct);
        var second = await Reconciler().ReconcileAsync(check, Ct);

        Assert.Equal((SendDisposition.Sent, SendDisposition.SkippedDuplicate), (first, second));
        Assert.Equal(["wamid.IN:0"], _graph.Keys);
        Assert.Equal("Sent", _ledger.States["wamid.IN:0"]);
        Assert.Contains(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.UnknownResent);
    }

    [Fact]
    public async Task ReconcileAsync_MaybeSentFromTheInboxWithNoStatus_SendsItUnderTheSameKey()
    {
        var check = Messages.Text(key: "wamid.IN:2") with { UnknownCheck = true };

        await Reconciler().ReconcileAsync(check, Ct);

        Assert.Equal(["wamid.IN:2"], _graph.Keys);
        Assert.Equal("Sent", _ledger.States["wamid.IN:2"]);
    }

    [Fact]
    public async Task ReconcileAsync_ResendAnswerLostAgain_GetsNoSecondCheck()
    {
        _ledger.States["wamid.IN:0"] = "Unknown";
        _graph.Answer = _ => new GraphSendResult { Outcome = SendOutcome.MaybeAccepted, Reason = "connection closed" };

        await Reconciler().ReconcileAsync(Messages.Text() with { UnknownCheck = true }, Ct);

        Assert.Single(_graph.Sent);
        Assert.Equal("Unknown", _ledger.States["wamid.IN:0"]);
        Assert.Empty(_queue.Enqueued);
    }

    private sealed class FixedBacklog(Func<TimeSpan> behind) : Frontdesk.Core.Webhooks.IInboxBacklog
    {
        public Task<TimeSpan> OldestWaitingAsync(CancellationToken cancellationToken = default) => Task.FromResult(behind());
    }

    private sealed class DictionaryStatusIndex(Dictionary<string, KeyedStatus> statuses) : ISendStatusIndex
    {
        public Task<KeyedStatus?> FindByKeyAsync(string phoneNumberId, string idempotencyKey, CancellationToken cancellationToken = default) =>
            Task.FromResult(statuses.GetValueOrDefault(idempotencyKey));
    }
}

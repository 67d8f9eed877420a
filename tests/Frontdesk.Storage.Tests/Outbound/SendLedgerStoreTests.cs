using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage.Outbound;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Frontdesk.Storage.Tests.Outbound;

public sealed class SendLedgerStoreTests(AzuriteFixture azurite)
{
    private readonly string _prefix = TestNames.Prefix();

    private SendLedgerStore Ledger() => new(azurite.Table(_prefix + "ledger"), TimeProvider.System);

    private OutboundSender Sender(IWhatsAppSender whatsApp, SendLedgerStore ledger) => new(
        whatsApp,
        ledger,
        new OutboundQueue(azurite.Queue(_prefix + "out"), azurite.Queue(_prefix + "out-poison"), new QueueSignals()),
        Options.Create(new OutboundOptions()),
        TimeProvider.System,
        NullLogger<OutboundSender>.Instance);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MarkSentAsync_IndexesTheWamid_OthersAreNotFound()
    {
        var ledger = Ledger();
        var message = Builders.Message("wamid.IDX:1");
        Assert.False(await ledger.WasSentByFrontdeskAsync(message.PhoneNumberId, "wamid.OUT-IDX", Ct));

        Assert.Equal(LedgerClaim.Claimed, await ledger.TryBeginAsync(message, Ct));
        await ledger.MarkSentAsync(message, "wamid.OUT-IDX", Ct);

        Assert.True(await ledger.WasSentByFrontdeskAsync(message.PhoneNumberId, "wamid.OUT-IDX", Ct));
        Assert.False(await ledger.WasSentByFrontdeskAsync(message.PhoneNumberId, "wamid.SOMEONE-ELSE", Ct));
        Assert.False(await ledger.WasSentByFrontdeskAsync("999", "wamid.OUT-IDX", Ct));
        Assert.Equal(SendLedgerStore.Sent, (await ledger.GetAsync(message.PhoneNumberId, message.IdempotencyKey, Ct))?.GetString("State"));
    }

    [Fact]
    public async Task TryBeginAsync_ConcurrentClaimsOfOneKey_HaveExactlyOneWinner()
    {
        var ledger = Ledger();
        var message = Builders.Message("wamid.RACE:0");
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait(Ct);
            return ledger.TryBeginAsync(message, Ct);
        }, Ct)).ToArray();
        start.Set();
        var claims = await Task.WhenAll(runs);

        Assert.Single(claims, c => c == LedgerClaim.Claimed);
        Assert.All(claims.Where(c => c != LedgerClaim.Claimed), c => Assert.Contains(c, new[] { LedgerClaim.FoundSending, LedgerClaim.AlreadyUnknown }));
    }

    [Fact]
    public async Task SendAsync_ConcurrentDuplicateDeliveries_SendOnceAndEndSent()
    {
        var ledger = Ledger();
        var whatsApp = new ScriptedSender(_ => GraphSendResult.Accepted("wamid.OUT1"));
        var sender = Sender(whatsApp, ledger);
        var message = Builders.Message("wamid.DUP/1#x?:0");
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            start.Wait(Ct);
            return await sender.SendAsync(message, Ct);
        }, Ct)).ToArray();
        start.Set();
        var dispositions = await Task.WhenAll(runs);

        Assert.Equal(1, whatsApp.Calls);
        Assert.Single(dispositions, d => d == SendDisposition.Sent);
        Assert.DoesNotContain(dispositions, d => d is SendDisposition.RetryScheduled or SendDisposition.Failed);
        var row = await ledger.GetAsync(message.PhoneNumberId, message.IdempotencyKey, Ct);
        Assert.Equal(SendLedgerStore.Sent, row!.GetString("State"));
        Assert.Equal("wamid.OUT1", row.GetString("WamId"));
        Assert.Equal(message.IdempotencyKey, row.GetString("IdempotencyKey"));

        // A later redelivery is a plain duplicate.
        Assert.Equal(SendDisposition.SkippedDuplicate, await sender.SendAsync(message, Ct));
        Assert.Equal(1, whatsApp.Calls);
    }

    [Fact]
    public async Task MarkFailedAsync_Failed_IsFinalAndRecordedWithCodeAndReason()
    {
        var ledger = Ledger();
        var message = Builders.Message("wamid.F:0");
        Assert.Equal(LedgerClaim.Claimed, await ledger.TryBeginAsync(message, Ct));
        await ledger.MarkFailedAsync(message, new Core.Webhooks.Events.WhatsAppError(131047, "Re-engagement message", null, null), "HTTP 400, Meta error 131047", Ct);

        Assert.Equal(LedgerClaim.AlreadyFailed, await ledger.TryBeginAsync(message, Ct));
        var row = await ledger.GetAsync(message.PhoneNumberId, message.IdempotencyKey, Ct);
        Assert.Equal(131047, row!.GetInt32("ErrorCode"));
        Assert.Equal("HTTP 400, Meta error 131047", row.GetString("Reason"));
    }

    [Fact]
    public async Task TryBeginAsync_RowLeftSendingByADeadInstance_BecomesUnknownAndIsNeverClaimed()
    {
        var ledger = Ledger();
        var message = Builders.Message("wamid.DEAD:0");
        Assert.Equal(LedgerClaim.Claimed, await ledger.TryBeginAsync(message, Ct));
        // The instance dies here: no outcome is written.

        Assert.Equal(LedgerClaim.FoundSending, await ledger.TryBeginAsync(message, Ct));
        Assert.Equal(LedgerClaim.AlreadyUnknown, await ledger.TryBeginAsync(message, Ct));
        var row = await ledger.GetAsync(message.PhoneNumberId, message.IdempotencyKey, Ct);
        Assert.Equal(SendLedgerStore.Unknown, row!.GetString("State"));
    }

    [Fact]
    public async Task TryBeginAsync_ReleasedKey_IsClaimedAgainByExactlyOneOfConcurrentRetries()
    {
        var ledger = Ledger();
        var message = Builders.Message("wamid.RETRY:0");
        Assert.Equal(LedgerClaim.Claimed, await ledger.TryBeginAsync(message, Ct));
        await ledger.ReleaseForRetryAsync(message, "HTTP 503", Ct);

        var retry = message with { Attempt = 1 };
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ledger.TryBeginAsync(retry, Ct), Ct)));

        Assert.Single(claims, c => c == LedgerClaim.Claimed);
        var row = await ledger.GetAsync(message.PhoneNumberId, message.IdempotencyKey, Ct);
        Assert.Equal(1, row!.GetInt32("Attempt"));
    }

    [Fact]
    public async Task MarkUnknownAsync_ConcurrentDuplicate_LosesToTheOwnersOutcome()
    {
        var ledger = Ledger();
        var message = Builders.Message("wamid.OWNER:0");
        Assert.Equal(LedgerClaim.Claimed, await ledger.TryBeginAsync(message, Ct));
        Assert.Equal(LedgerClaim.FoundSending, await ledger.TryBeginAsync(message, Ct));

        await ledger.MarkSentAsync(message, "wamid.OUT", Ct);

        Assert.Equal(LedgerClaim.AlreadySent, await ledger.TryBeginAsync(message, Ct));
    }

    [Fact]
    public async Task TryResendUnknownAsync_SixteenConcurrentChecksOfAnUnknownKey_ExactlyOneClaims()
    {
        var ledger = Ledger();
        var message = Builders.Message("wamid.UNKNOWN:1");
        await ledger.TryBeginAsync(message, Ct);
        await ledger.MarkUnknownAsync(message, "connection closed", Ct);
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait(Ct);
            return ledger.TryResendUnknownAsync(message, Ct);
        }, Ct)).ToArray();
        start.Set();
        var claims = await Task.WhenAll(runs);

        Assert.Single(claims, c => c == LedgerClaim.Claimed);
        Assert.All(claims.Where(c => c != LedgerClaim.Claimed), c => Assert.Equal(LedgerClaim.FoundSending, c));
        Assert.Equal(true, (await ledger.GetAsync(message.PhoneNumberId, message.IdempotencyKey, Ct))!.GetBoolean("Resent"));
    }

    [Fact]
    public async Task TryResendUnknownAsync_KeyWithoutARowOrAlreadySent_ClaimsOnlyTheFirst()
    {
        var ledger = Ledger();
        var fromInbox = Builders.Message("wamid.INBOX:2");
        var sent = Builders.Message("wamid.SENT:1");
        await ledger.TryBeginAsync(sent, Ct);
        await ledger.MarkSentAsync(sent, "wamid.OUT-SENT", Ct);

        Assert.Equal(LedgerClaim.Claimed, await ledger.TryResendUnknownAsync(fromInbox, Ct));
        Assert.Equal(LedgerClaim.AlreadySent, await ledger.TryResendUnknownAsync(sent, Ct));
        await ledger.MarkSettledByStatusAsync(fromInbox, "failed", "wamid.OUT-F", Ct);
        Assert.Equal(LedgerClaim.AlreadyFailed, await ledger.TryResendUnknownAsync(fromInbox, Ct));
    }
}

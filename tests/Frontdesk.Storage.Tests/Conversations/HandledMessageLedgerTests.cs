using System.Text.Json;
using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Storage.Conversations;
using Frontdesk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Storage.Tests.Conversations;

/// <summary>
/// The exactly-once inbound ledger against a real table: claim by recording the decision, move the chain's cursor
/// (with the sent-wamid index in the same request), leases, take-overs, races and purge.
/// </summary>
public sealed class HandledMessageLedgerTests(AzuriteFixture azurite)
{
    private readonly string _prefix = TestNames.Prefix();
    private readonly FakeTimeProvider _time = new(Inbound.Sent.AddMinutes(1));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TableClient Table => azurite.Table(_prefix + "handled");

    private HandledMessageLedger Ledger() => new(Table, _time);

    private static RecordedDecision Decision(InboundMessage message, params OutboundBody[] bodies) => new(
        [.. bodies.Select((body, index) => new OutboundMessage
        {
            IdempotencyKey = $"{message.Id}:{index + 1}",
            PhoneNumberId = message.PhoneNumberId,
            To = message.From,
            Kind = ReplyKind.Rule,
            RuleName = "hours",
            Body = body,
            InReplyTo = message.Id,
        })],
        new ContactState("Anna", Inbound.Sent, Inbound.Sent, null, null, ["vip"], false, null),
        "rule: keyword 'hours' matched");

    private static RecordedDecision Hi(InboundMessage message) => Decision(message, new TextBody("Hi"), new TextBody("We open at 9"));

    private async Task<TableEntity> RowAsync(InboundMessage message) =>
        (await Table.GetEntityAsync<TableEntity>(message.Timestamp.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), TableKey.Encode(message.Id), cancellationToken: Ct)).Value;

    [Fact]
    public async Task ClaimAsync_NewMessage_RecordsTheDecisionAsASendingRowWithALease()
    {
        var message = Inbound.Text("wamid.NEW");

        var claim = await Ledger().ClaimAsync(message, Hi(message) with { ConsentBefore = false }, Ct);

        Assert.Equal(HandledState.Claimed, claim.State);
        Assert.NotNull(claim.Version);
        Assert.Equal(ChainProgress.Start, claim.Progress);
        var row = await RowAsync(message);
        Assert.Equal(HandledMessageLedger.Sending, row.GetString("State"));
        Assert.Equal(0, row.GetInt32("Cursor"));
        Assert.Equal(_time.GetUtcNow() + HandledMessageLedger.Lease, row.GetDateTimeOffset("LeaseUntil"));
        Assert.Equal(Inbound.Number, row.GetString("PhoneNumberId"));
        Assert.Equal(Inbound.Customer, row.GetString("From"));
        Assert.Equal("rule: keyword 'hours' matched", row.GetString("Decision"));
        Assert.False(row.GetBoolean("ConsentBefore"));
    }

    [Fact]
    public async Task AdvanceAsync_EachReply_MovesTheCursorIndexesTheWamidAndEndsDispatched()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.STATES");
        var claim = await ledger.ClaimAsync(message, Hi(message), Ct);

        var first = await ledger.AdvanceAsync(claim, ChainProgress.Start.Settle(ChainProgress.Sent), new SentReply(message.Id + ":1", Inbound.Customer, "wamid.OUT1"), cancellationToken: Ct);
        var middle = await RowAsync(message);
        var last = await ledger.AdvanceAsync(first!, first!.Progress!.Settle(ChainProgress.Unknown), null, cancellationToken: Ct);
        var done = await RowAsync(message);

        Assert.NotNull(last);
        Assert.Equal((HandledMessageLedger.Sending, 1, "S", "wamid.OUT1"), (middle.GetString("State"), middle.GetInt32("Cursor"), middle.GetString("Outcomes"), middle.GetString("WamId1")));
        Assert.Equal((HandledMessageLedger.Dispatched, 2, "SU"), (done.GetString("State"), done.GetInt32("Cursor"), done.GetString("Outcomes")));
        Assert.NotNull(done.GetDateTimeOffset("DispatchedAt"));
        Assert.True(await ledger.WasSentAsync(message.Timestamp, "wamid.OUT1", Ct));
        Assert.False(await ledger.WasSentAsync(message.Timestamp, "wamid.OTHER", Ct));
        Assert.False(await ledger.WasSentAsync(message.Timestamp.AddDays(1), "wamid.OUT1", Ct));
    }

    [Fact]
    public async Task ClaimAsync_AfterDispatch_IsDispatched()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.TWICE");
        var claim = await ledger.ClaimAsync(message, Hi(message), Ct);
        await ledger.AdvanceAsync(claim, new ChainProgress(2, "SS"), null, cancellationToken: Ct);
        _time.Advance(TimeSpan.FromHours(1));

        var again = await ledger.ClaimAsync(message, Hi(message), Ct);

        Assert.Equal(HandledState.Dispatched, again.State);
        Assert.Null(again.Recorded);
    }

    [Fact]
    public async Task ClaimAsync_WhileAnotherDeliveryHoldsALiveLease_IsBusy()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.BUSY");
        await ledger.ClaimAsync(message, Hi(message), Ct);
        _time.Advance(HandledMessageLedger.Lease - TimeSpan.FromSeconds(1));

        var second = await ledger.ClaimAsync(message, Decision(message, new TextBody("a second decision")), Ct);

        Assert.Equal(HandledState.Busy, second.State);
        Assert.Equal(HandledMessageLedger.Sending, (await RowAsync(message)).GetString("State"));
        Assert.DoesNotContain("a second decision", (await RowAsync(message)).GetString("Replies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimAsync_ExpiredLease_IsTakenOverFromTheCursorAndTheOldHolderCanNoLongerAdvance()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.TAKEOVER");
        var dead = await ledger.ClaimAsync(message, Hi(message), Ct);
        dead = await ledger.AdvanceAsync(dead, ChainProgress.Start.Settle(ChainProgress.Sent), null, cancellationToken: Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));

        var takeover = await ledger.ClaimAsync(message, Decision(message, new TextBody("a second decision")), Ct);
        var lateAdvance = await ledger.AdvanceAsync(dead!, new ChainProgress(2, "SS"), null, cancellationToken: Ct);
        var newAdvance = await ledger.AdvanceAsync(takeover, new ChainProgress(2, "SU"), null, cancellationToken: Ct);

        Assert.Equal(HandledState.Decided, takeover.State);
        Assert.Equal(new ChainProgress(1, "S"), takeover.Progress);
        Assert.Equal("We open at 9", Assert.IsType<TextBody>(takeover.Recorded!.Replies[1].Body).Text);
        Assert.Null(lateAdvance);
        Assert.NotNull(newAdvance);
        Assert.Equal("SU", (await RowAsync(message)).GetString("Outcomes"));
    }

    [Fact]
    public async Task ClaimAsync_ExpiredLeaseWhileHanding_SaysHanding()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.HANDING");
        var claim = await ledger.ClaimAsync(message, Hi(message), Ct);
        await ledger.AdvanceAsync(claim, ChainProgress.Start, null, handing: true, cancellationToken: Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));

        var takeover = await ledger.ClaimAsync(message, Hi(message), Ct);

        Assert.Equal(HandledState.Handing, takeover.State);
        Assert.Equal(ChainProgress.Start, takeover.Progress);
    }

    [Fact]
    public async Task ClaimAsync_SixteenConcurrentDeliveries_ExactlyOneClaims()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.RACE");
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
        {
            start.Wait(Ct);
            return ledger.ClaimAsync(message, Decision(message, new TextBody($"decision {i}")), Ct);
        }, Ct)).ToArray();
        start.Set();
        var claims = await Task.WhenAll(runs);

        var winner = Assert.Single(claims, c => c.State == HandledState.Claimed);
        Assert.All(claims.Where(c => c.State != HandledState.Claimed), c => Assert.Equal(HandledState.Busy, c.State));
        Assert.Equal(Json(winner.Recorded!.Replies), Json(JsonSerializer.Deserialize((await RowAsync(message)).GetString("Replies")!, LedgerJsonContext.Default.ListOutboundMessage)!));
    }

    [Fact]
    public async Task ClaimAsync_SixteenConcurrentRedeliveriesOfAnAbandonedDecision_ExactlyOneTakesOver()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.ABANDONED");
        await ledger.ClaimAsync(message, Hi(message), Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait(Ct);
            return ledger.ClaimAsync(message, Hi(message), Ct);
        }, Ct)).ToArray();
        start.Set();
        var claims = await Task.WhenAll(runs);

        Assert.Single(claims, c => c.State == HandledState.Decided);
        Assert.All(claims.Where(c => c.State != HandledState.Decided), c => Assert.Equal(HandledState.Busy, c.State));
    }

    [Fact]
    public async Task ClaimAsync_UnfinishedAfterTheLease_ReturnsTheRecordedDecisionWithEveryBodyKind()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.ROUNDTRIP");
        var decision = Decision(
            message,
            new TextBody("We open at 9", PreviewUrl: true),
            new ButtonsBody("Pick one", [new ReplyButton("yes", "Yes"), new ReplyButton("no", "No")], "footer"),
            new ListBody("Menu", "Open", [new ListSection("Shop", [new ListRow("hours", "Hours", "When we are open"), new ListRow("where", "Address")])], "Header", "Footer"),
            new ProductBody("cat1", "sku-1", "A cake", "Fresh"),
            new ProductListBody("cat1", "Cakes", "Our cakes", [new ProductSection("Best", ["sku-1", "sku-2"])], "Footer"),
            new MarkReadBody(message.Id)) with
        {
            Contact = new ContactState("Anna", Inbound.Sent.AddDays(-3), Inbound.Sent, Inbound.Sent.AddDays(-3), Inbound.Sent.AddHours(-2), ["vip", "ordered"], true, Inbound.Sent.AddDays(1))
            {
                PauseReason = "a storm", PausedAt = Inbound.Sent, LastReaction = "👍", LastReactionAt = Inbound.Sent.AddMinutes(-1), MarketingOptOut = true,
                RecentReplies = [new ReplyMark(Inbound.Sent, 2, "wamid.X")],
            },
        };
        await ledger.ClaimAsync(message, decision with { ConsentBefore = true }, Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));

        var redelivery = await ledger.ClaimAsync(message, Hi(message), Ct);

        Assert.Equal(HandledState.Decided, redelivery.State);
        var recorded = Assert.IsType<RecordedDecision>(redelivery.Recorded);
        Assert.Equal(decision.Summary, recorded.Summary);
        Assert.Equal(Json(decision.Replies), Json(recorded.Replies));
        Assert.Equal(decision.Replies.Select(r => r.Body.GetType()), recorded.Replies.Select(r => r.Body.GetType()));
        Assert.Equal(decision.Replies[0] with { Body = recorded.Replies[0].Body, Then = recorded.Replies[0].Then }, recorded.Replies[0]);
        Assert.Equal(decision.Contact with { Labels = recorded.Contact.Labels, RecentReplies = recorded.Contact.RecentReplies }, recorded.Contact);
        Assert.Equal(decision.Contact.Labels, recorded.Contact.Labels);
        Assert.Equal(decision.Contact.RecentReplies, recorded.Contact.RecentReplies);
        Assert.True(recorded.ConsentBefore);
    }

    [Theory]
    [InlineData("wamid.HBgLMzM2MDAwMDAwMDEVAgASGBQzQUI/+xyz==")]
    [InlineData("wamid.a/b+c=d")]
    [InlineData("wamid.~#?%\\+/=")]
    public async Task ClaimAsync_WamidWithReservedCharacters_WorksThroughEveryState(string wamid)
    {
        var ledger = Ledger();
        var message = Inbound.Text(wamid);
        var claim = await ledger.ClaimAsync(message, Hi(message), Ct);
        var busy = await ledger.ClaimAsync(message, Hi(message), Ct);
        Assert.NotNull(await ledger.AdvanceAsync(claim, new ChainProgress(2, "SS"), new SentReply(message.Id + ":2", Inbound.Customer, wamid + "out"), cancellationToken: Ct));

        var done = await ledger.ClaimAsync(message, Hi(message), Ct);
        var other = await ledger.ClaimAsync(Inbound.Text(wamid + "x"), Hi(message), Ct);

        Assert.Equal(HandledState.Claimed, claim.State);
        Assert.Equal(HandledState.Busy, busy.State);
        Assert.Equal(HandledState.Dispatched, done.State);
        Assert.Equal(HandledState.Claimed, other.State);
        Assert.True(await ledger.WasSentAsync(message.Timestamp, wamid + "out", Ct));
    }

    [Fact]
    public async Task PurgeAsync_OldDays_DeletesThemAcrossTransactionBatchesAndKeepsNewerDays()
    {
        var ledger = Ledger();
        var old = Inbound.Sent.AddDays(-10);
        var older = Inbound.Sent.AddDays(-11);
        var messages = Enumerable.Range(0, 230).Select(i => Inbound.Text($"wamid.OLD{i:D3}", at: old))
            .Concat(Enumerable.Range(0, 3).Select(i => Inbound.Text($"wamid.OLDER{i}", at: older)))
            .Concat(Enumerable.Range(0, 5).Select(i => Inbound.Text($"wamid.KEEP{i}", at: Inbound.Sent.AddDays(-7))))
            .Concat(Enumerable.Range(0, 5).Select(i => Inbound.Text($"wamid.TODAY{i}")))
            .ToList();
        foreach (var chunk in messages.Chunk(16))
        {
            await Task.WhenAll(chunk.Select(m => ledger.ClaimAsync(m, Hi(m), Ct)));
        }

        var deleted = await ledger.PurgeAsync(Inbound.Sent.AddDays(-7), Ct);

        Assert.Equal(233, deleted);
        var left = await Table.QueryAsync<TableEntity>(select: ["RowKey"], cancellationToken: Ct).Select(e => e.RowKey).ToListAsync(Ct);
        Assert.Equal(
            messages.Where(m => m.Id.StartsWith("wamid.KEEP", StringComparison.Ordinal) || m.Id.StartsWith("wamid.TODAY", StringComparison.Ordinal)).Select(m => m.Id).Order(StringComparer.Ordinal),
            left.Order(StringComparer.Ordinal));
        Assert.Equal(0, await ledger.PurgeAsync(Inbound.Sent.AddDays(-7), Ct));
    }

    private static string Json(IReadOnlyList<OutboundMessage> replies) =>
        string.Join('\n', replies.Select(r => JsonSerializer.Serialize(r, OutboundMessageJsonContext.Default.OutboundMessage)));
}

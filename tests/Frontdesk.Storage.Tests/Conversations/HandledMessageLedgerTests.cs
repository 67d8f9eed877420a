using System.Text.Json;
using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Storage.Conversations;
using Frontdesk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Storage.Tests.Conversations;

/// <summary>The exactly-once inbound ledger against a real table: claim → record → dispatch, leases, races and purge.</summary>
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

    private async Task<TableEntity> RowAsync(InboundMessage message) =>
        (await Table.GetEntityAsync<TableEntity>(message.Timestamp.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), TableKey.Encode(message.Id), cancellationToken: Ct)).Value;

    [Fact]
    public async Task ClaimAsync_NewMessage_ClaimsItAndWritesADecidingRowWithALease()
    {
        var message = Inbound.Text("wamid.NEW");

        var claim = await Ledger().ClaimAsync(message, Ct);

        Assert.Equal(HandledState.Claimed, claim.State);
        Assert.NotNull(claim.Version);
        var row = await RowAsync(message);
        Assert.Equal(HandledMessageLedger.Deciding, row.GetString("State"));
        Assert.Equal(_time.GetUtcNow() + HandledMessageLedger.Lease, row.GetDateTimeOffset("LeaseUntil"));
        Assert.Equal(Inbound.Number, row.GetString("PhoneNumberId"));
        Assert.Equal(Inbound.Customer, row.GetString("From"));
    }

    [Fact]
    public async Task RecordDecisionAsync_WithTheClaim_StoresDecidedThenMarkDispatchedStoresDispatched()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.STATES");
        var claim = await ledger.ClaimAsync(message, Ct);

        var recorded = await ledger.RecordDecisionAsync(claim, Decision(message, new TextBody("We open at 9")), Ct);
        var decided = await RowAsync(message);
        await ledger.MarkDispatchedAsync(claim, Ct);
        var dispatched = await RowAsync(message);

        Assert.True(recorded);
        Assert.Equal(HandledMessageLedger.Decided, decided.GetString("State"));
        Assert.Equal("rule: keyword 'hours' matched", decided.GetString("Decision"));
        Assert.Equal(HandledMessageLedger.Dispatched, dispatched.GetString("State"));
        Assert.NotNull(dispatched.GetDateTimeOffset("DispatchedAt"));
    }

    [Fact]
    public async Task ClaimAsync_AfterDispatch_IsDispatched()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.TWICE");
        var claim = await ledger.ClaimAsync(message, Ct);
        await ledger.RecordDecisionAsync(claim, Decision(message, new TextBody("Hi")), Ct);
        await ledger.MarkDispatchedAsync(claim, Ct);
        _time.Advance(TimeSpan.FromHours(1));

        var again = await ledger.ClaimAsync(message, Ct);

        Assert.Equal(HandledState.Dispatched, again.State);
        Assert.Null(again.Recorded);
    }

    [Fact]
    public async Task ClaimAsync_WhileAnotherDeliveryHoldsALiveLease_IsBusy()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.BUSY");
        await ledger.ClaimAsync(message, Ct);
        _time.Advance(HandledMessageLedger.Lease - TimeSpan.FromSeconds(1));

        var second = await ledger.ClaimAsync(message, Ct);

        Assert.Equal(HandledState.Busy, second.State);
        Assert.Equal(HandledMessageLedger.Deciding, (await RowAsync(message)).GetString("State"));
    }

    [Fact]
    public async Task ClaimAsync_ExpiredLease_IsTakenOverAndTheOldHolderCanNoLongerRecord()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.TAKEOVER");
        var dead = await ledger.ClaimAsync(message, Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));

        var takeover = await ledger.ClaimAsync(message, Ct);
        var lateRecord = await ledger.RecordDecisionAsync(dead, Decision(message, new TextBody("old")), Ct);
        var newRecord = await ledger.RecordDecisionAsync(takeover, Decision(message, new TextBody("new")), Ct);

        Assert.Equal(HandledState.Claimed, takeover.State);
        Assert.NotEqual(dead.Version, takeover.Version);
        Assert.False(lateRecord);
        Assert.True(newRecord);
        Assert.Contains("new", (await RowAsync(message)).GetString("Replies"), StringComparison.Ordinal);
        Assert.Equal(_time.GetUtcNow() + HandledMessageLedger.Lease, (await RowAsync(message)).GetDateTimeOffset("LeaseUntil"));
    }

    [Fact]
    public async Task ClaimAsync_SixteenConcurrentDeliveries_ExactlyOneClaims()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.RACE");
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait(Ct);
            return ledger.ClaimAsync(message, Ct);
        }, Ct)).ToArray();
        start.Set();
        var claims = await Task.WhenAll(runs);

        Assert.Single(claims, c => c.State == HandledState.Claimed);
        Assert.All(claims.Where(c => c.State != HandledState.Claimed), c => Assert.Equal(HandledState.Busy, c.State));
    }

    [Fact]
    public async Task ClaimAsync_SixteenConcurrentDeliveriesAfterAnExpiredLease_ExactlyOneTakesOver()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.RACE2");
        await ledger.ClaimAsync(message, Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait(Ct);
            return ledger.ClaimAsync(message, Ct);
        }, Ct)).ToArray();
        start.Set();
        var claims = await Task.WhenAll(runs);

        Assert.Single(claims, c => c.State == HandledState.Claimed);
        Assert.All(claims.Where(c => c.State != HandledState.Claimed), c => Assert.Equal(HandledState.Busy, c.State));
    }

    [Fact]
    public async Task ClaimAsync_DecidedWithinTheLease_IsBusyBecauseTheOwnerMayStillBeQueueing()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.QUEUEING");
        var claim = await ledger.ClaimAsync(message, Ct);
        _time.Advance(TimeSpan.FromSeconds(50));
        await ledger.RecordDecisionAsync(claim, Decision(message, new TextBody("Hi")), Ct);
        _time.Advance(TimeSpan.FromSeconds(50));

        var redelivery = await ledger.ClaimAsync(message, Ct);

        Assert.Equal(HandledState.Busy, redelivery.State);
        Assert.Null(redelivery.Recorded);
    }

    [Fact]
    public async Task ClaimAsync_SixteenConcurrentRedeliveriesOfAnAbandonedDecision_ExactlyOneRedispatches()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.ABANDONED");
        var claim = await ledger.ClaimAsync(message, Ct);
        await ledger.RecordDecisionAsync(claim, Decision(message, new TextBody("Hi")), Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));
        using var start = new ManualResetEventSlim();

        var runs = Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            start.Wait(Ct);
            return ledger.ClaimAsync(message, Ct);
        }, Ct)).ToArray();
        start.Set();
        var claims = await Task.WhenAll(runs);

        Assert.Single(claims, c => c.State == HandledState.Decided);
        Assert.All(claims.Where(c => c.State != HandledState.Decided), c => Assert.Equal(HandledState.Busy, c.State));
    }

    [Fact]
    public async Task ClaimAsync_DecidedButNotDispatchedAfterTheLease_ReturnsTheRecordedDecisionWithEveryBodyKind()
    {
        var ledger = Ledger();
        var message = Inbound.Text("wamid.ROUNDTRIP");
        var claim = await ledger.ClaimAsync(message, Ct);
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
        await ledger.RecordDecisionAsync(claim, decision, Ct);
        _time.Advance(HandledMessageLedger.Lease + TimeSpan.FromSeconds(1));

        var redelivery = await ledger.ClaimAsync(message, Ct);

        Assert.Equal(HandledState.Decided, redelivery.State);
        var recorded = Assert.IsType<RecordedDecision>(redelivery.Recorded);
        Assert.Equal(decision.Summary, recorded.Summary);
        Assert.Equal(Json(decision.Replies), Json(recorded.Replies));
        Assert.Equal(decision.Replies.Select(r => r.Body.GetType()), recorded.Replies.Select(r => r.Body.GetType()));
        Assert.Equal(decision.Replies[0] with { Body = recorded.Replies[0].Body, Then = recorded.Replies[0].Then }, recorded.Replies[0]);
        Assert.Equal(decision.Contact with { Labels = recorded.Contact.Labels, RecentReplies = recorded.Contact.RecentReplies }, recorded.Contact);
        Assert.Equal(decision.Contact.Labels, recorded.Contact.Labels);
        Assert.Equal(decision.Contact.RecentReplies, recorded.Contact.RecentReplies);
    }

    [Theory]
    [InlineData("wamid.HBgLMzM2MDAwMDAwMDEVAgASGBQzQUI/+xyz==")]
    [InlineData("wamid.a/b+c=d")]
    [InlineData("wamid.~#?%\\+/=")]
    public async Task ClaimAsync_WamidWithReservedCharacters_WorksThroughEveryState(string wamid)
    {
        var ledger = Ledger();
        var message = Inbound.Text(wamid);
        var claim = await ledger.ClaimAsync(message, Ct);
        var busy = await ledger.ClaimAsync(message, Ct);
        Assert.True(await ledger.RecordDecisionAsync(claim, Decision(message, new TextBody("Hi")), Ct));
        await ledger.MarkDispatchedAsync(claim, Ct);

        var done = await ledger.ClaimAsync(message, Ct);
        var other = await ledger.ClaimAsync(Inbound.Text(wamid + "x"), Ct);

        Assert.Equal(HandledState.Claimed, claim.State);
        Assert.Equal(HandledState.Busy, busy.State);
        Assert.Equal(HandledState.Dispatched, done.State);
        Assert.Equal(HandledState.Claimed, other.State);
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
            await Task.WhenAll(chunk.Select(m => ledger.ClaimAsync(m, Ct)));
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

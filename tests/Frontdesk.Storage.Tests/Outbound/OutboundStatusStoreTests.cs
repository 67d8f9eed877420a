using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage.Outbound;
using Frontdesk.Testing;
using Microsoft.Extensions.Logging.Testing;

namespace Frontdesk.Storage.Tests.Outbound;

public sealed class OutboundStatusStoreTests(AzuriteFixture azurite)
{
    private const string Number = "106540352242922";

    private readonly string _prefix = TestNames.Prefix();
    private readonly FakeLogCollector _logs = new();

    private OutboundStatusStore Store() => new(azurite.Table(_prefix + "statuses"), TimeProvider.System, new FakeLogger<OutboundStatusStore>(_logs));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StatusUpdate Status(string wamId, string status, params WhatsAppError[] errors) => new()
    {
        PhoneNumberId = Number,
        MessageId = wamId,
        Status = status,
        Timestamp = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000),
        RecipientId = "15550199991",
        Errors = errors,
    };

    [Fact]
    public async Task ApplyAsync_OutOfOrderStatuses_NeverMoveBack()
    {
        var store = Store();
        const string wamId = "wamid.HBgLMTU1NTAxOTk5OTEVAgARGBI/+=";

        Assert.Equal(StatusApplyResult.Applied, await store.ApplyAsync(Status(wamId, "read"), Ct));
        Assert.Equal(StatusApplyResult.Stale, await store.ApplyAsync(Status(wamId, "delivered"), Ct));
        Assert.Equal(StatusApplyResult.Stale, await store.ApplyAsync(Status(wamId, "sent"), Ct));
        Assert.Equal(StatusApplyResult.Stale, await store.ApplyAsync(Status(wamId, "read"), Ct));
        Assert.Equal(StatusApplyResult.Applied, await store.ApplyAsync(Status(wamId, "played"), Ct));

        var row = await store.GetAsync(Number, wamId, Ct);
        Assert.Equal("played", row!.GetString("Status"));
        Assert.Equal(wamId, row.GetString("WamId"));
    }

    [Fact]
    public async Task ApplyAsync_InOrderStatuses_EachMoveForward()
    {
        var store = Store();
        foreach (var status in new[] { "sent", "delivered", "read" })
        {
            Assert.Equal(StatusApplyResult.Applied, await store.ApplyAsync(Status("wamid.ORDER", status), Ct));
        }

        Assert.Equal("read", (await store.GetAsync(Number, "wamid.ORDER", Ct))!.GetString("Status"));
    }

    [Fact]
    public async Task ApplyAsync_Failed_IsTerminalRecordedWithCodeAndTitleAndLogged()
    {
        var store = Store();
        var error = new WhatsAppError(131026, "Message undeliverable", "Message undeliverable", "The recipient is not on WhatsApp");

        await store.ApplyAsync(Status("wamid.FAIL", "sent"), Ct);
        Assert.Equal(StatusApplyResult.Applied, await store.ApplyAsync(Status("wamid.FAIL", "failed", error), Ct));
        Assert.Equal(StatusApplyResult.Stale, await store.ApplyAsync(Status("wamid.FAIL", "delivered"), Ct));
        Assert.Equal(StatusApplyResult.Stale, await store.ApplyAsync(Status("wamid.FAIL", "failed", error), Ct));

        var row = await store.GetAsync(Number, "wamid.FAIL", Ct);
        Assert.Equal("failed", row!.GetString("Status"));
        Assert.Equal(131026, row.GetInt32("ErrorCode"));
        Assert.Equal("Message undeliverable", row.GetString("ErrorTitle"));
        var logged = Assert.Single(_logs.GetSnapshot(), r => r.Id.Id == TelemetryEvents.SendFailed);
        Assert.Equal("131026", logged.GetStructuredStateValue("MetaErrorCode"));
        Assert.Equal("Message undeliverable", logged.GetStructuredStateValue("MetaErrorTitle"));
    }

    [Fact]
    public async Task ApplyAsync_ConcurrentOutOfOrderStatuses_SettleOnTheFurthest()
    {
        var store = Store();
        string[] statuses = ["delivered", "sent", "read", "delivered", "sent", "read", "sent", "delivered"];
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 5).SelectMany(i => statuses.Select(s => Task.Run(() =>
        {
            start.Wait(Ct);
            return store.ApplyAsync(Status($"wamid.C{i}", s), Ct);
        }, Ct))).ToArray();
        start.Set();
        var results = await Task.WhenAll(runs);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("read", (await store.GetAsync(Number, $"wamid.C{i}", Ct))!.GetString("Status"));
        }

        // Each message moved forward at most three times (sent, delivered, read), whatever the interleaving.
        Assert.InRange(results.Count(r => r == StatusApplyResult.Applied), 5, 15);
    }

    [Fact]
    public async Task ApplyAsync_UnknownStatus_IsKeptOnlyUntilAKnownOneArrives()
    {
        var store = Store();
        Assert.Equal(StatusApplyResult.Applied, await store.ApplyAsync(Status("wamid.NEW", "deleted"), Ct));
        Assert.Equal(StatusApplyResult.Applied, await store.ApplyAsync(Status("wamid.NEW", "sent"), Ct));
        Assert.Equal(StatusApplyResult.Stale, await store.ApplyAsync(Status("wamid.NEW", "deleted"), Ct));
        Assert.Equal("sent", (await store.GetAsync(Number, "wamid.NEW", Ct))!.GetString("Status"));
    }

    [Fact]
    public async Task FindByKeyAsync_StatusCarriedAFrontdeskKey_FindsTheFirstStatusAndItsWamid()
    {
        var store = Store();
        var sent = Status("wamid.OUT-KEYED", "sent") with { BizOpaqueCallbackData = "frontdesk:wamid.IN/KEY+1=:2" };

        Assert.Null(await store.FindByKeyAsync(Number, "wamid.IN/KEY+1=:2", Ct));
        await store.ApplyAsync(sent, Ct);
        await store.ApplyAsync(Status("wamid.OUT-KEYED", "delivered") with { BizOpaqueCallbackData = sent.BizOpaqueCallbackData }, Ct);
        await store.ApplyAsync(Status("wamid.OUT-OTHER", "sent") with { BizOpaqueCallbackData = "someone else's data" }, Ct);

        Assert.Equal(new KeyedStatus("sent", "wamid.OUT-KEYED"), await store.FindByKeyAsync(Number, "wamid.IN/KEY+1=:2", Ct));
        Assert.Null(await store.FindByKeyAsync(Number, "wamid.IN/KEY+1=:3", Ct));
        Assert.Null(await store.FindByKeyAsync("999", "wamid.IN/KEY+1=:2", Ct));
        Assert.Equal("delivered", (await store.GetAsync(Number, "wamid.OUT-KEYED", Ct))!.GetString("Status"));
    }
}

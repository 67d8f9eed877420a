using Frontdesk.Core.Broadcasts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Frontdesk.Core.Tests.Broadcasts;

public sealed class BroadcastPlannerTests
{
    private const string Number = "200000000000001";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.Zero));
    private readonly Mock<IBroadcastStore> _store = new();
    private readonly Mock<IBroadcastTemplates> _templates = new();
    private readonly Mock<IBroadcastAudience> _audience = new();
    private readonly Mock<IBroadcastFanoutQueue> _fanout = new();
    private List<BroadcastRecipient> _written = [];

    public BroadcastPlannerTests()
    {
        _templates.Setup(t => t.FindAsync(Number, "menu", It.IsAny<CancellationToken>())).ReturnsAsync(new BroadcastTemplate("menu", Marketing: true, ["offer"]));
        _audience.Setup(a => a.ReadContactsAsync(Number, It.IsAny<CancellationToken>())).ReturnsAsync(
        [
            new AudienceContact("33600000001", "Anne", ["vip"], OptedOut: false, MarketingOptOut: false),
            new AudienceContact("33600000002", "Bruno", ["VIP", "new"], OptedOut: true, MarketingOptOut: false),
            new AudienceContact("33600000003", null, ["vip"], OptedOut: false, MarketingOptOut: true),
            new AudienceContact("33600000004", "Chloé", ["other"], OptedOut: false, MarketingOptOut: false),
        ]);
        _store.Setup(s => s.CreateAsync(It.IsAny<BroadcastSummary>(), It.IsAny<IReadOnlyList<BroadcastRecipient>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((BroadcastSummary s, IReadOnlyList<BroadcastRecipient> r, CancellationToken _) =>
            {
                _written = [.. r];
                return (s, true);
            });
    }

    private BroadcastPlanner Planner() => new(
        _store.Object, _templates.Object, _audience.Object, _fanout.Object, Options.Create(new BroadcastOptions()), _time, NullLogger<BroadcastPlanner>.Instance);

    private static BroadcastRequest Request(string? label = "vip", IReadOnlyList<AudienceEntry>? contacts = null) => new()
    {
        PhoneNumberId = Number,
        Id = "noel",
        Template = "menu",
        Label = label,
        Contacts = contacts,
        Parameters = new Dictionary<string, string> { ["offer"] = "-20 %" },
    };

    [Fact]
    public async Task StartAsync_MarketingByLabel_SkipsOptedOutAndMarketingOptOut()
    {
        var result = await Planner().StartAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal((3, 2, BroadcastState.Scheduled), (result.Summary!.Planned, result.Summary.Skipped, result.Summary.State));
        Assert.Equal(
            [("33600000001", RecipientState.Planned), ("33600000002", RecipientState.Skipped), ("33600000003", RecipientState.Skipped)],
            _written.Select(r => (r.WaId, r.State)));
        _fanout.Verify(f => f.EnqueueAsync("noel", result.Summary.FanoutToken, TimeSpan.Zero, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StartAsync_SeveralProblems_NamesEachAndQueuesNothing()
    {
        _templates.Setup(t => t.FindAsync(Number, "nope", It.IsAny<CancellationToken>())).ReturnsAsync((BroadcastTemplate?)null);
        var request = Request(label: null, contacts: [new("line 1", "33600000001"), new("line 2", "12ab"), new("line 3", new string('9', 30))]) with { Template = "nope" };

        var result = await Planner().StartAsync(request, TestContext.Current.CancellationToken);

        Assert.Null(result.Summary);
        Assert.Equal(["template", "line 2", "line 3"], result.Problems.Select(p => p.Parameter));
        _store.Verify(s => s.CreateAsync(It.IsAny<BroadcastSummary>(), It.IsAny<IReadOnlyList<BroadcastRecipient>>(), It.IsAny<CancellationToken>()), Times.Never);
        _fanout.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task StartAsync_LabelNobodyHas_IsAProblem()
    {
        var result = await Planner().StartAsync(Request(label: "nobody"), TestContext.Current.CancellationToken);

        Assert.Equal("audience.label", Assert.Single(result.Problems).Parameter);
    }

    [Fact]
    public async Task StartAsync_MissingTemplateParameter_IsAProblem()
    {
        var result = await Planner().StartAsync(Request() with { Parameters = new Dictionary<string, string>() }, TestContext.Current.CancellationToken);

        Assert.Equal("parameters.offer", Assert.Single(result.Problems).Parameter);
    }

    [Fact]
    public async Task StartAsync_ExistingId_ReturnsItAndStartsNothing()
    {
        var existing = new BroadcastSummary { Id = "noel", PhoneNumberId = Number, Purpose = "menu", Planned = 7, CreatedAt = _time.GetUtcNow() };
        _store.Setup(s => s.GetAsync("noel", It.IsAny<CancellationToken>())).ReturnsAsync(existing);

        var result = await Planner().StartAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal((existing, false), (result.Summary, result.Created));
        _fanout.VerifyNoOtherCalls();
        _audience.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task StartAsync_StartAtLater_QueuesTheFirstPageForThen()
    {
        var at = _time.GetUtcNow().AddHours(2);

        var result = await Planner().StartAsync(Request() with { StartAt = at }, TestContext.Current.CancellationToken);

        Assert.Equal(at, result.Summary!.StartAt);
        _fanout.Verify(f => f.EnqueueAsync("noel", It.IsAny<string>(), TimeSpan.FromHours(2), It.IsAny<CancellationToken>()), Times.Once);
    }
}

using Frontdesk.Core.Conversations;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>"Notify me" pressed under an out-of-stock product (button id <c>restock:&lt;SKU&gt;</c>).</summary>
public sealed class ReplyEngineRestockTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_now);
    private readonly FakeCatalogue _catalogue = new();

    private static RuleBook Book(params (string Column, object? Value)[] settings) => Rows.Compile(
    [
        Rows.Settings([("Culture", "en-GB"), ("FallbackText", "Sorry?"), .. settings]),
        Rows.Rule("croissant", ("Keywords", "croissant, notify"), ("Reply", "Our croissants are famous.")),
    ]);

    private static InboundMessage Pressed(string id, string title = "Notify me") => Inbound.ButtonReply(id, title) with { Timestamp = s_now.AddMinutes(-1) };

    private Task<Decision> Decide(RuleBook book, InboundMessage message) =>
        new ReplyEngine(_time, _catalogue).DecideAsync(book, null, message, TestContext.Current.CancellationToken).AsTask();

    [Fact]
    public async Task DecideAsync_OutOfStockProduct_PlansOneSubscriptionAndOneConfirmation()
    {
        var decision = await Decide(Book(("RestockDays", 7)), Pressed("restock:sku-croissant"));

        var reply = Assert.Single(decision.Replies);
        Assert.Equal("subscribed to Croissant for 7 days", Assert.IsType<TextBody>(reply.Body).Text);
        // Dated by the press, not by the decision: every delivery of it plans the same subscription.
        var pressedAt = s_now.AddMinutes(-1);
        Assert.Equal(new PlannedSubscription("sku-croissant", "Anna", pressedAt, pressedAt.AddDays(7)), Assert.Single(decision.Subscriptions));
        Assert.Contains(decision.Steps, s => s.Step == "restock" && s.Detail.Contains("subscribed until", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecideAsync_NoRestockDays_SubscribesForThirtyDays()
    {
        var decision = await Decide(Book(), Pressed("restock:sku-croissant"));

        Assert.Equal(s_now.AddMinutes(-1).AddDays(30), Assert.Single(decision.Subscriptions).Expires);
    }

    [Theory]
    [InlineData("restock:sku-unknown", "no match", "does not know")]
    [InlineData("restock:sku-baguette", "card Baguette", "in stock again")]
    public async Task DecideAsync_UnknownOrInStock_AnswersWithoutSubscribing(string id, string answer, string step)
    {
        var decision = await Decide(Book(), Pressed(id));

        Assert.Empty(decision.Subscriptions);
        Assert.Equal(answer, Assert.IsType<TextBody>(Assert.Single(decision.Replies).Body).Text);
        Assert.Contains(decision.Steps, s => s.Step == "restock" && s.Detail.Contains(step, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DecideAsync_ButtonTitleIsAKeyword_TheRestockIdWins()
    {
        // The title "croissant" is a keyword of a rule: the button's id decides, not its title.
        var decision = await Decide(Book(), Pressed("restock:sku-croissant", "croissant"));

        Assert.Single(decision.Subscriptions);
        Assert.Equal(["restock:sku-croissant:30"], _catalogue.Asked);
    }

    [Fact]
    public async Task DecideAsync_TypedRestockText_IsNoButtonPress()
    {
        var decision = await Decide(Book(), Inbound.Text("restock:sku-croissant"));

        Assert.Empty(decision.Subscriptions);
        Assert.DoesNotContain(_catalogue.Asked, a => a.StartsWith("restock:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    [InlineData("a month")]
    public void Compile_BadRestockDays_FallsBackToThirtyWithAProblem(object value)
    {
        var problems = new List<RuleProblem>();

        var settings = SettingsCompiler.Compile(Rows.Settings(("RestockDays", value)), problems);

        Assert.Equal(30, settings.RestockDays);
        Assert.Contains(problems, p => p.Problem.StartsWith("RestockDays", StringComparison.Ordinal));
    }
}

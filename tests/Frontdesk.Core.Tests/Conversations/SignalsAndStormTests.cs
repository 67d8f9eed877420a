using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>Reactions, deletions, unsupported types, request_welcome, chat commands, pauses with reasons and the storm breaker.</summary>
public sealed class SignalsAndStormTests
{
    private static readonly DateTimeOffset s_open = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_open);

    private static RuleBook Book(params (string Name, object? Value)[] settings) => Rows.Compile(
    [
        Rows.Settings([("GreetingText", "Hello {{name}}!"), ("GreetingShowsMenu", true), ("FallbackText", "Sorry?"), ("MenuText", "Pick one"), .. settings]),
        Rows.Rule("hours", ("Keywords", "hours"), ("Reply", "9 to 6."), ("MenuTitle", "Hours"), ("Priority", 10)),
        Rows.Rule("menu", ("Keywords", "menu"), ("Match", "exact"), ("Action", "menu"), ("Priority", 5)),
    ]);

    private Task<Decision> Decide(RuleBook book, ContactState? contact, InboundMessage message) =>
        new ReplyEngine(_time, new FakeCatalogue()).DecideAsync(book, contact, message, TestContext.Current.CancellationToken).AsTask();

    [Fact]
    public async Task Reaction_GetsNoReply_AndIsStoredOnTheContact()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Reaction("👍"));

        Assert.Empty(decision.Replies);
        Assert.Equal("👍", decision.Contact.LastReaction);
        Assert.Equal(s_open, decision.Contact.LastReactionAt);
        Assert.Contains(decision.Steps, s => s.Step == "reaction");
    }

    [Fact]
    public async Task ReactionRemoved_ClearsLastReaction()
    {
        var before = Contacts.Regular(s_open) with { LastReaction = "❤️", LastReactionAt = s_open.AddMinutes(-1) };

        var decision = await Decide(Book(), before, Inbound.Reaction(""));

        Assert.Empty(decision.Replies);
        Assert.Null(decision.Contact.LastReaction);
    }

    [Theory]
    [InlineData("revoke")]
    [InlineData("unsupported")]
    [InlineData("system")]
    public async Task DeletionsUnsupportedAndUnknownTypes_GetNoFallbackAndNoGreeting(string kind)
    {
        var message = kind switch
        {
            "revoke" => Inbound.Revoke(),
            "unsupported" => Inbound.Unsupported(),
            _ => Inbound.Text("x") with { Type = "system", Content = new OtherContent("system") },
        };

        var decision = await Decide(Book(), null, message);

        Assert.Empty(decision.Replies);
        Assert.Contains(decision.Steps, s => s.Step == "ignored");
    }

    [Fact]
    public async Task RequestWelcome_GreetsWithTheMenuOnce_ThenNothing()
    {
        var first = await Decide(Book(), null, Inbound.Welcome());
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await Decide(Book(), first.Contact, Inbound.Welcome().WithId("wamid.IN2"));

        Assert.Equal([ReplyKind.Greeting, ReplyKind.Menu], first.Replies.Select(r => r.Kind));
        Assert.Empty(second.Replies);
        Assert.Contains(second.Steps, s => s.Step == "fallback" && s.Detail.StartsWith("not sent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestWelcome_AfterGreetingAfterDays_GreetsAgain()
    {
        var contact = Contacts.Regular(s_open) with { LastInbound = s_open.AddDays(-15) };

        var decision = await Decide(Book(), contact, Inbound.Welcome());

        Assert.Equal(ReplyKind.Greeting, decision.Replies[0].Kind);
    }

    [Theory]
    [InlineData("/hours", "hours")]
    [InlineData(" /HOURS ", "hours")]
    [InlineData("/menu", "menu")]
    public async Task SlashCommand_ReachesTheRuleWhoseKeywordIsTheCommand(string typed, string rule)
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text(typed));

        Assert.Equal(rule, Assert.Single(decision.Replies).RuleName);
        Assert.Contains(decision.Steps, s => s.Step == "rule" && s.Detail.Contains("command", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paused_ExplainSaysWhyTheBotIsSilent()
    {
        var contact = Contacts.Regular(s_open) with
        {
            BotPausedUntil = s_open.AddHours(3),
            PauseReason = "the owner answering from the WhatsApp Business app at 2026-11-26 09:00:00Z",
        };

        var decision = await Decide(Book(), contact, Inbound.Text("hours"));

        Assert.Empty(decision.Replies);
        var silenced = Assert.Single(decision.Steps, s => s.Step == "silenced");
        Assert.Contains("the owner answering", silenced.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storm_MoreThanStormRepliesWithinStormMinutes_DropsTheRestPausesAnHourAndLabels()
    {
        var book = Book(("StormReplies", 3), ("StormMinutes", 5));
        ContactState? contact = Contacts.Regular(s_open);
        var counts = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var decision = await Decide(book, contact, Inbound.Text("hours").WithId($"wamid.S{i}"));
            counts.Add(decision.Replies.Count);
            contact = decision.Contact;
            _time.Advance(TimeSpan.FromSeconds(20));
        }

        Assert.Equal([1, 1, 1, 0, 0], counts);
        Assert.Contains(ReplyEngine.StormLabel, contact!.Labels);
        Assert.Equal(s_open.AddSeconds(60).AddHours(1), contact.BotPausedUntil);
        Assert.Contains("storm", contact.PauseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storm_RepliesOlderThanTheWindowDoNotCount()
    {
        var book = Book(("StormReplies", 2), ("StormMinutes", 5));
        var contact = Contacts.Regular(s_open) with
        {
            RecentReplies = [new ReplyMark(s_open.AddMinutes(-6), 5, "wamid.OLD"), new ReplyMark(s_open.AddMinutes(-1), 1, "wamid.RECENT")],
        };

        var decision = await Decide(book, contact, Inbound.Text("hours"));

        Assert.Single(decision.Replies);
        Assert.Null(decision.Contact.BotPausedUntil);
        Assert.Equal(["wamid.IN1", "wamid.RECENT"], decision.Contact.RecentReplies.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Storm_ARedeliveredMessage_CountsItsRepliesOnce()
    {
        var book = Book(("StormReplies", 1), ("StormMinutes", 5));
        var contact = Contacts.Regular(s_open) with { RecentReplies = [new ReplyMark(s_open, 1, "wamid.IN1")] };

        var decision = await Decide(book, contact, Inbound.Text("hours"));

        Assert.Single(decision.Replies);
        Assert.Null(decision.Contact.BotPausedUntil);
    }
}

using Frontdesk.Core.Conversations;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.Conversations;
using Frontdesk.Core.Tests.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Limits;

/// <summary>
/// Limit by limit: a table text exactly at Meta's limit compiles without a problem and the sender builds the message
/// with the text whole; one character more is reported by the compiler (what <c>manage/validate</c> lists) with its
/// table, column, length and limit, so nothing the compiler accepts is refused at send time.
/// </summary>
public sealed class RuleLimitsAgreeWithSenderTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A known contact who was greeted already, so only the case's own reply is produced.</summary>
    private static readonly ContactState s_known = new("Anna", s_now.AddDays(-1), s_now.AddHours(-1), s_now.AddHours(-1), null, [], false, null);

    private static readonly ContactState s_optedOut = s_known with { OptedOut = true };

    public sealed record LimitCase(string Name, string Table, string Column, int Limit, Func<string, TableRow[]> Rows, InboundMessage Message, ContactState? Contact)
    {
        public override string ToString() => Name;
    }

    private static TableRow[] Menu(params (string Name, object? Value)[] row) =>
    [
        Rows.Settings(("MenuText", "Pick one")),
        Rows.Rule("menu", ("Keywords", "menu"), ("Action", "menu")),
        Rows.Rule("hours", [("Keywords", "hours"), ("Reply", "9 to 6"), .. row]),
    ];

    private static readonly LimitCase[] s_cases =
    [
        new LimitCase("GreetingText", "Settings", "GreetingText", WhatsAppLimits.TextBody, t => [Rows.Settings(("GreetingText", t))], Inbound.Text("hello"), null),
        new LimitCase("AwayText", "Settings", "AwayText", WhatsAppLimits.TextBody, t => [Rows.Settings(("AwayText", t), ("AwayMode", "always"))], Inbound.Text("hello"), s_known),
        new LimitCase("FallbackText", "Settings", "FallbackText", WhatsAppLimits.TextBody, t => [Rows.Settings(("FallbackText", t))], Inbound.Text("hello"), s_known),
        new LimitCase("OptOutText", "Settings", "OptOutText", WhatsAppLimits.TextBody, t => [Rows.Settings(("OptOutText", t))], Inbound.Text("STOP"), s_known),
        new LimitCase("OptInText", "Settings", "OptInText", WhatsAppLimits.TextBody, t => [Rows.Settings(("OptInText", t))], Inbound.Text("START"), s_optedOut),
        new LimitCase("MenuText", "Settings", "MenuText", WhatsAppLimits.ListBody,
            t => [Rows.Settings(("MenuText", t)), Rows.Rule("menu", ("Keywords", "menu"), ("Action", "menu")), Rows.Rule("hours", ("Keywords", "hours"), ("Reply", "9 to 6"), ("MenuTitle", "Hours"))],
            Inbound.Text("menu"), s_known),
        new LimitCase("MenuButton", "Settings", "MenuButton", WhatsAppLimits.ListButton,
            t => [Rows.Settings(("MenuText", "Pick one"), ("MenuButton", t)), Rows.Rule("menu", ("Keywords", "menu"), ("Action", "menu")), Rows.Rule("hours", ("Keywords", "hours"), ("Reply", "9 to 6"), ("MenuTitle", "Hours"))],
            Inbound.Text("menu"), s_known),
        new LimitCase("Reply", "Rules", "Reply", WhatsAppLimits.TextBody, t => [Rows.Rule("r", ("Keywords", "hours"), ("Reply", t))], Inbound.Text("hours"), s_known),
        new LimitCase("Reply with Buttons", "Rules", "Reply", WhatsAppLimits.InteractiveBody, t => [Rows.Rule("r", ("Keywords", "hours"), ("Reply", t), ("Buttons", "Yes|No"))], Inbound.Text("hours"), s_known),
        new LimitCase("QuickReply text", "QuickReplies", "Text", WhatsAppLimits.TextBody,
            t => [Rows.QuickReply("qr", t), Rows.Rule("r", ("Keywords", "hours"), ("QuickReply", "qr"))], Inbound.Text("hours"), s_known),
        new LimitCase("QuickReply text with Buttons", "Rules", "QuickReply", WhatsAppLimits.InteractiveBody,
            t => [Rows.QuickReply("qr", t), Rows.Rule("r", ("Keywords", "hours"), ("QuickReply", "qr"), ("Buttons", "Yes|No"))], Inbound.Text("hours"), s_known),
        new LimitCase("Buttons title", "Rules", "Buttons", WhatsAppLimits.ButtonTitle, t => [Rows.Rule("r", ("Keywords", "hours"), ("Reply", "Sure?"), ("Buttons", $"{t}|No"))], Inbound.Text("hours"), s_known),
        new LimitCase("MenuTitle", "Rules", "MenuTitle", WhatsAppLimits.RowTitle, t => Menu(("MenuTitle", t)), Inbound.Text("menu"), s_known),
        new LimitCase("MenuDescription", "Rules", "MenuDescription", WhatsAppLimits.RowDescription, t => Menu(("MenuTitle", "Hours"), ("MenuDescription", t)), Inbound.Text("menu"), s_known),
        new LimitCase("RowKey of a menu rule", "Rules", "RowKey", WhatsAppLimits.RowId,
            t => [Rows.Settings(("MenuText", "Pick one")), Rows.Rule("menu", ("Keywords", "menu"), ("Action", "menu")), Rows.Rule(t, ("Keywords", "hours"), ("Reply", "9 to 6"), ("MenuTitle", "Hours"))],
            Inbound.Text("menu"), s_known),
    ];

    public static TheoryData<string> Cases() => [.. s_cases.Select(c => c.Name)];

    private static LimitCase Case(string name) => s_cases.Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TextAtTheLimit_CompilesAndIsSentWhole(string name)
    {
        var limitCase = Case(name);
        var text = new string('x', limitCase.Limit);
        var book = Rows.Compile(limitCase.Rows(text));

        var decision = await new ReplyEngine(new FakeTimeProvider(s_now), FixedIndexProvider.EmptyCatalogue()).DecideAsync(book, limitCase.Contact, limitCase.Message, TestContext.Current.CancellationToken);

        Assert.Empty(book.Problems);
        var sent = decision.ToOutboundMessages(limitCase.Message);
        Assert.NotEmpty(sent);
        var built = sent.Select(m => GraphRequestBuilder.TryBuild(m, out var json, out var problem) ? json : "refused: " + problem).ToList();
        Assert.All(built, json => Assert.StartsWith("{", json, StringComparison.Ordinal));
        Assert.Single(built, json => json.Contains(text, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TextOneOverTheLimit_IsReportedWithTableColumnLengthAndLimit(string name)
    {
        var limitCase = Case(name);
        var book = Rows.Compile(limitCase.Rows(new string('x', limitCase.Limit + 1)));

        var problem = Assert.Single(book.Problems, p => p.Column == limitCase.Column);
        Assert.Equal((limitCase.Table, limitCase.Limit + 1, limitCase.Limit), (problem.Table, problem.Length, problem.Limit));
        Assert.Contains($"{limitCase.Limit + 1} characters, more than the {limitCase.Limit}", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryTextOverALimitInOneRow_IsReportedAtOnce()
    {
        var book = Rows.Compile(Rows.Rule(
            "r",
            ("Keywords", "x"),
            ("Reply", new string('r', WhatsAppLimits.InteractiveBody + 1)),
            ("Buttons", $"{new string('b', WhatsAppLimits.ButtonTitle + 1)}|No"),
            ("MenuTitle", new string('t', WhatsAppLimits.RowTitle + 1)),
            ("MenuDescription", new string('d', WhatsAppLimits.RowDescription + 1))));

        Assert.Equal(["Buttons", "MenuDescription", "MenuTitle", "Reply"], book.Problems.Select(p => p.Column!).Order(StringComparer.Ordinal));
        Assert.Empty(book.Rules);
    }
}

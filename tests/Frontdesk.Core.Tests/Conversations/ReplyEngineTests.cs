using System.Globalization;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Tests.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Frontdesk.Core.Tests.Conversations;

public sealed class ReplyEngineTests
{
    // Thursday 11:00 and Saturday 11:00 in Paris (CET, UTC+1).
    private static readonly DateTimeOffset s_open = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_closed = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(s_open);

    private static RuleBook Book(bool greetingShowsMenu = false, params TableRow[] extra) => Rows.Compile(
    [
        Rows.Settings(
            ("TimeZone", "Europe/Paris"), ("Culture", "en-GB"),
            ("GreetingText", "Hello {{name}}!"), ("GreetingShowsMenu", greetingShowsMenu),
            ("AwayText", "Closed, back {{next_open}}."), ("FallbackText", "Sorry?"),
            ("MenuText", "Pick one"), ("MenuButton", "Options")),
        .. new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }.Select(d => Rows.Hours(d, "09:00-18:00")),
        Rows.Rule("hours", ("Keywords", "hours, horaires"), ("Reply", "9 to 6, {{name}}."), ("MenuTitle", "Hours"), ("Priority", 10)),
        Rows.Rule("address", ("Keywords", "address"), ("Reply", "12 rue X"), ("MenuTitle", "Address"), ("Priority", 20)),
        Rows.Rule("agent", ("Keywords", "agent"), ("Reply", "A person will answer."), ("Action", "handoff"), ("PauseHours", 4), ("Priority", 30)),
        Rows.Rule("quote", ("Keywords", "quote"), ("Reply", "Quotes on weekdays."), ("When", "open"), ("Labels", "lead, Lead"), ("Priority", 40)),
        Rows.Rule("yesno", ("Keywords", "cake"), ("Reply", "Order one?"), ("Buttons", "Yes please|No"), ("Priority", 50)),
        Rows.Rule("menu", ("Keywords", "menu"), ("Action", "menu"), ("Priority", 5)),
        .. extra,
    ]);

    private ReplyEngine Engine(FakeCatalogue? catalogue = null) => new(_time, catalogue ?? FixedIndexProvider.EmptyCatalogue());

    private Task<Decision> Decide(RuleBook book, ContactState? contact, InboundMessage message, FakeCatalogue? catalogue = null) =>
        Engine(catalogue).DecideAsync(book, contact, message, TestContext.Current.CancellationToken).AsTask();

    private static string TextOf(PlannedReply reply) => reply.Body switch
    {
        TextBody t => t.Text,
        ButtonsBody b => b.Text,
        ListBody l => l.Text,
        _ => reply.Body.GetType().Name,
    };

    [Fact]
    public async Task FirstTimeContact_NoRuleWhileOpen_GetsTheGreetingOnly()
    {
        var decision = await Decide(Book(), null, Inbound.Text("Bonjour"));

        var reply = Assert.Single(decision.Replies);
        Assert.Equal((ReplyKind.Greeting, "Hello Anna!"), (reply.Kind, TextOf(reply)));
        Assert.Equal(s_open, decision.Contact.FirstSeen);
        Assert.Equal(s_open, decision.Contact.LastGreeting);
        Assert.Equal(s_open, decision.Contact.LastInbound);
        Assert.Equal("Anna", decision.Contact.Name);
    }

    [Fact]
    public async Task FirstTimeContact_OutsideHours_GetsGreetingMenuAndAway()
    {
        _time.SetUtcNow(s_closed);

        var decision = await Decide(Book(greetingShowsMenu: true), null, Inbound.Text("Bonjour"));

        Assert.Equal([ReplyKind.Greeting, ReplyKind.Menu, ReplyKind.Away], decision.Replies.Select(r => r.Kind));
        Assert.Equal("Closed, back Monday 09:00.", TextOf(decision.Replies[2]));
        Assert.Equal(s_closed, decision.Contact.LastAway);
    }

    [Fact]
    public async Task FirstTimeContact_MatchingRule_GetsGreetingThenAnswer()
    {
        var decision = await Decide(Book(), null, Inbound.Text("your hours?"));

        Assert.Equal([ReplyKind.Greeting, ReplyKind.Rule], decision.Replies.Select(r => r.Kind));
        Assert.Equal("hours", decision.Replies[1].RuleName);
        Assert.Equal("9 to 6, Anna.", TextOf(decision.Replies[1]));
    }

    [Theory]
    [InlineData(15, true)]
    [InlineData(14, true)]
    [InlineData(13, false)]
    public async Task Greeting_AfterGreetingAfterDaysWithoutWriting_IsSentAgain(int daysSilent, bool greeted)
    {
        var contact = Contacts.Regular(s_open) with { LastInbound = s_open.AddDays(-daysSilent) };

        var decision = await Decide(Book(), contact, Inbound.Text("hours"));

        Assert.Equal(greeted, decision.Replies.Any(r => r.Kind == ReplyKind.Greeting));
    }

    [Fact]
    public async Task Regular_MatchingRule_GetsTheRuleReplyOnly()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("Horaires ?"));

        var reply = Assert.Single(decision.Replies);
        Assert.Equal((ReplyKind.Rule, "hours"), (reply.Kind, reply.RuleName));
        Assert.Contains(decision.Steps, s => s.Step == "rule" && s.RuleName == "hours");
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop!")]
    [InlineData("ARRÊT")]
    [InlineData("arret")]
    public async Task OptOutWord_OptsOutAndConfirmsOnce(string word)
    {
        var first = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text(word));
        var second = await Decide(Book(), first.Contact, Inbound.Text(word));

        Assert.Equal(ReplyKind.OptOut, Assert.Single(first.Replies).Kind);
        Assert.True(first.Contact.OptedOut);
        Assert.Empty(second.Replies);
        Assert.True(second.Contact.OptedOut);
    }

    [Fact]
    public async Task OptedOut_GetsNothingUntilStart()
    {
        var contact = Contacts.Regular(s_open) with { OptedOut = true };

        var silenced = await Decide(Book(), contact, Inbound.Text("hours"));
        var optIn = await Decide(Book(), contact, Inbound.Text("Start"));

        Assert.Empty(silenced.Replies);
        Assert.Contains(silenced.Steps, s => s.Step == "silenced");
        Assert.Equal(ReplyKind.OptIn, Assert.Single(optIn.Replies).Kind);
        Assert.False(optIn.Contact.OptedOut);
    }

    [Fact]
    public async Task Start_FromAContactNotOptedOut_IsHandledAsAnyMessage()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("start"));

        Assert.Equal(ReplyKind.Fallback, Assert.Single(decision.Replies).Kind);
    }

    [Fact]
    public async Task OptOutRule_WithItsOwnKeywordAndReply_OptsOut()
    {
        var book = Book(false, Rows.Rule("unsubscribe", ("Keywords", "unsubscribe"), ("Reply", "Bye {{name}}."), ("Action", "optout"), ("Priority", 500)));

        var decision = await Decide(book, Contacts.Regular(s_open), Inbound.Text("please unsubscribe me"));

        var reply = Assert.Single(decision.Replies);
        Assert.Equal((ReplyKind.OptOut, "unsubscribe", "Bye Anna."), (reply.Kind, reply.RuleName, TextOf(reply)));
        Assert.True(decision.Contact.OptedOut);
    }

    [Fact]
    public async Task Handoff_PausesLabelsAndThenSilences()
    {
        var handoff = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("agent please"));
        _time.Advance(TimeSpan.FromHours(3));
        var paused = await Decide(Book(), handoff.Contact, Inbound.Text("hours"));
        _time.Advance(TimeSpan.FromHours(2));
        var resumed = await Decide(Book(), paused.Contact, Inbound.Text("hours"));

        Assert.Equal(ReplyKind.Handoff, Assert.Single(handoff.Replies).Kind);
        Assert.Equal(s_open.AddHours(4), handoff.Contact.BotPausedUntil);
        Assert.Contains(ReplyEngine.NeedsAgentLabel, handoff.Contact.Labels);
        Assert.Empty(paused.Replies);
        Assert.Equal("hours", Assert.Single(resumed.Replies).RuleName);
    }

    [Fact]
    public async Task RuleForOpenHours_WhenClosed_GivesWayToTheAway()
    {
        _time.SetUtcNow(s_closed);

        var decision = await Decide(Book(), Contacts.Regular(s_closed), Inbound.Text("quote"));

        Assert.Equal(ReplyKind.Away, Assert.Single(decision.Replies).Kind);
        Assert.Contains(decision.Steps, s => s.RuleName == "quote" && s.Detail.Contains("only when open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Labels_AreAddedOnceIgnoringCase()
    {
        var contact = Contacts.Regular(s_open) with { Labels = ["vip", "LEAD"] };

        var decision = await Decide(Book(), contact, Inbound.Text("quote"));

        Assert.Equal(["vip", "LEAD"], decision.Contact.Labels);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(23, false)]
    [InlineData(24, true)]
    public async Task Away_IsSentAtMostOncePerCooldown(int hoursSinceAway, bool sent)
    {
        _time.SetUtcNow(s_closed);
        var contact = Contacts.Regular(s_closed) with { LastAway = s_closed.AddHours(-hoursSinceAway) };

        var decision = await Decide(Book(), contact, Inbound.Text("anything"));

        Assert.Equal(sent ? [ReplyKind.Away] : [], decision.Replies.Select(r => r.Kind));
    }

    [Fact]
    public async Task AwayModeAlways_IsSentWhileOpen()
    {
        var book = Rows.Compile(Rows.Settings(("AwayText", "On holiday"), ("AwayMode", "always"), ("FallbackText", "Sorry?")));

        var decision = await Decide(book, Contacts.Regular(s_open), Inbound.Text("anything"));

        Assert.Equal(ReplyKind.Away, Assert.Single(decision.Replies).Kind);
    }

    [Fact]
    public async Task AwayModeOff_FallsBackWhenClosed()
    {
        _time.SetUtcNow(s_closed);
        var book = Rows.Compile(Rows.Settings(("AwayText", "Closed"), ("AwayMode", "Off"), ("FallbackText", "Sorry?")), Rows.Hours("Monday", "09:00-10:00"));

        var decision = await Decide(book, Contacts.Regular(s_closed), Inbound.Text("anything"));

        Assert.Equal(ReplyKind.Fallback, Assert.Single(decision.Replies).Kind);
    }

    [Fact]
    public async Task Fallback_WhenOpenAndNothingMatches()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("history"));

        Assert.Equal(("Sorry?", ReplyKind.Fallback), (TextOf(Assert.Single(decision.Replies)), decision.Replies[0].Kind));
    }

    [Fact]
    public async Task MenuRule_SendsTheListOrderedByPriority()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("MENU"));

        var list = Assert.IsType<ListBody>(Assert.Single(decision.Replies).Body);
        Assert.Equal("Pick one", list.Text);
        Assert.Equal("Options", list.ButtonLabel);
        Assert.Equal([new ListRow("hours", "Hours"), new ListRow("address", "Address")], list.Sections.Single().Rows);
    }

    [Fact]
    public async Task MenuRow_PickedFromTheList_TriggersItsRule()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.ListReply("address", "Address"));

        Assert.Equal("address", Assert.Single(decision.Replies).RuleName);
    }

    [Theory]
    [InlineData("1", "hours")]
    [InlineData(" 2 ", "address")]
    [InlineData("2.", "address")]
    public async Task MenuRow_NumberTyped_TriggersItsRule(string text, string rule)
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text(text));

        Assert.Equal(rule, Assert.Single(decision.Replies).RuleName);
    }

    [Fact]
    public async Task NumberBeyondTheMenu_IsNotAPick()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("3"));

        Assert.Equal(ReplyKind.Fallback, Assert.Single(decision.Replies).Kind);
    }

    [Fact]
    public async Task ButtonReply_MatchesByTitle()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.ButtonReply("btn-77", "Address"));

        Assert.Equal("address", Assert.Single(decision.Replies).RuleName);
    }

    [Fact]
    public async Task TemplateButton_MatchesByPayload()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.TemplateButton("hours", "See more"));

        Assert.Equal("hours", Assert.Single(decision.Replies).RuleName);
    }

    [Fact]
    public async Task RuleWithButtons_SendsReplyButtonsWhoseIdIsTheTitle()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("a cake"));

        var buttons = Assert.IsType<ButtonsBody>(Assert.Single(decision.Replies).Body);
        Assert.Equal([new ReplyButton("Yes please", "Yes please"), new ReplyButton("No", "No")], buttons.Buttons);
    }

    [Fact]
    public async Task NonText_SkipsKeywordsAndGetsTheFallback()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Image());

        Assert.Equal(ReplyKind.Fallback, Assert.Single(decision.Replies).Kind);
        Assert.Contains(decision.Steps, s => s.Detail.Contains("image message is not matched", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoRule_CatalogueRecognisesTheText_AnswersWithIt()
    {
        var catalogue = new FakeCatalogue();

        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("un croissant ?"), catalogue);

        Assert.Equal(ReplyKind.Catalogue, Assert.Single(decision.Replies).Kind);
        Assert.Equal(["try:un croissant ?"], catalogue.Asked);
    }

    [Fact]
    public async Task PickedCatalogueRow_GoesToTheCatalogueEvenWhenItsTitleMatchesAKeyword()
    {
        var catalogue = new FakeCatalogue();

        // "Hours croissant" would match the hours rule by title; the row id says it is a product.
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.ListReply("catalogue:product:sku-croissant", "Hours croissant"), catalogue);

        Assert.Equal(ReplyKind.Catalogue, Assert.Single(decision.Replies).Kind);
        Assert.Equal(["try:catalogue:product:sku-croissant"], catalogue.Asked);
    }

    [Fact]
    public async Task NoRule_CatalogueDoesNotKnowTheText_FallsBack()
    {
        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Text("a unicorn"), new FakeCatalogue());

        Assert.Equal(ReplyKind.Fallback, Assert.Single(decision.Replies).Kind);
    }

    [Fact]
    public async Task CatalogueRule_SearchesWithTheWordsAfterTheKeyword()
    {
        var catalogue = new FakeCatalogue();
        var book = Book(false, Rows.Rule("shop", ("Keywords", "price"), ("Action", "catalogue"), ("Priority", 1)));

        var decision = await Decide(book, Contacts.Regular(s_open), Inbound.Text("price baguette"), catalogue);

        Assert.Equal((ReplyKind.Catalogue, "shop"), (Assert.Single(decision.Replies).Kind, decision.Replies[0].RuleName));
        Assert.Equal(["search:baguette"], catalogue.Asked);
    }

    [Fact]
    public async Task Order_IsAcknowledgedByTheCatalogueAndLabelled()
    {
        var catalogue = new FakeCatalogue();

        var decision = await Decide(Book(), Contacts.Regular(s_open), Inbound.Order(), catalogue);

        Assert.Equal(ReplyKind.Order, Assert.Single(decision.Replies).Kind);
        Assert.Contains(ReplyEngine.OrderedLabel, decision.Contact.Labels);
        Assert.Equal(["order:1"], catalogue.Asked);
    }

    [Fact]
    public async Task RegexTimeout_IsAWarningAndTheNextRuleStillMatches()
    {
        var book = Book(false, Rows.Rule("slow", ("Keywords", "^(a+)+$"), ("Match", "regex"), ("Reply", "never"), ("Priority", 1)));
        var text = new string('a', 40) + "! address";

        var decision = await Decide(book, Contacts.Regular(s_open), Inbound.Text(text));

        Assert.Equal("address", Assert.Single(decision.Replies).RuleName);
        Assert.Contains(decision.Steps, s => s.Step == "warning" && s.RuleName == "slow");
    }

    [Fact]
    public async Task Replies_NeverExceedThree()
    {
        _time.SetUtcNow(s_closed);
        var catalogue = new ManyBodiesCatalogue();
        var book = Book(true, Rows.Rule("shop", ("Keywords", "shop"), ("Reply", "Our shop:"), ("Action", "catalogue"), ("Priority", 1)));

        var withCatalogue = await new ReplyEngine(_time, catalogue).DecideAsync(book, null, Inbound.Text("shop"), TestContext.Current.CancellationToken);

        Assert.Equal([ReplyKind.Greeting, ReplyKind.Rule, ReplyKind.Catalogue], withCatalogue.Replies.Select(r => r.Kind));
        Assert.Contains(withCatalogue.Steps, s => s.Step == "cap");
    }

    [Fact]
    public async Task DecideAt_UsesTheGivenInstantNotTheClock()
    {
        var decision = await Engine().DecideAtAsync(Book(), Contacts.Regular(s_closed), Inbound.Text("anything"), s_closed, TestContext.Current.CancellationToken);

        Assert.Equal(ReplyKind.Away, Assert.Single(decision.Replies).Kind);
    }

    [Fact]
    public async Task NextOpen_IsRenderedInTheBusinessCulture()
    {
        _time.SetUtcNow(s_closed);
        var book = Rows.Compile(Rows.Settings(("TimeZone", "Europe/Paris"), ("Culture", "fr-FR"), ("AwayText", "Fermé, retour {{next_open}}")), Rows.Hours("Monday", "09:00-18:00"));

        var decision = await Decide(book, null, Inbound.Text("allo"));

        Assert.Equal("Fermé, retour lundi 09:00", TextOf(Assert.Single(decision.Replies)));
    }

    [Fact]
    public async Task ToOutboundMessages_KeysRepliesByInboundIdAndPosition()
    {
        var message = Inbound.Text("hours");
        var decision = await Decide(Book(), null, message);

        var outbound = decision.ToOutboundMessages(message);

        Assert.Equal(["wamid.IN1:1", "wamid.IN1:2"], outbound.Select(o => o.IdempotencyKey));
        Assert.All(outbound, o => Assert.Equal(("33600000001", Rows.Number, "wamid.IN1"), (o.To, o.PhoneNumberId, o.InReplyTo)));
        Assert.Equal("hours", outbound[1].RuleName);
    }

    [Fact]
    public async Task EmptyBook_SendsNothing()
    {
        var decision = await Decide(RuleBook.Empty(Rows.Number), null, Inbound.Text("hello"));

        Assert.Empty(decision.Replies);
        Assert.Equal(s_open, decision.Contact.LastInbound);
    }

    private sealed class ManyBodiesCatalogue : Frontdesk.Core.Catalogue.ICatalogueResponder
    {
        public ValueTask<IReadOnlyList<OutboundBody>> SearchAsync(Frontdesk.Core.Catalogue.CatalogueRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<OutboundBody>>([new TextBody("a"), new TextBody("b"), new TextBody("c")]);

        public ValueTask<IReadOnlyList<OutboundBody>?> TryAnswerAsync(Frontdesk.Core.Catalogue.CatalogueRequest request, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<OutboundBody>?>(null);

        public ValueTask<IReadOnlyList<OutboundBody>> AnswerOrderAsync(Frontdesk.Core.Catalogue.CatalogueRequest request, OrderContent order, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<OutboundBody>>([]);

        public ValueTask<Frontdesk.Core.Catalogue.RestockReply> RestockAsync(Frontdesk.Core.Catalogue.CatalogueRequest request, string sku, int days, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new Frontdesk.Core.Catalogue.RestockReply([], null));
    }
}

using System.Globalization;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// Decides the automatic replies to one inbound message: opt-out/opt-in → silence when opted out or paused →
/// greeting (and menu) when due → first matching rule, a catalogue answer or an order → away message → fallback.
/// Pure apart from the catalogue port: it sends nothing and stores nothing.
/// </summary>
public sealed class ReplyEngine(TimeProvider timeProvider, ICatalogueResponder? catalogue = null)
{
    public const string OrderedLabel = "ordered";
    public const string NeedsAgentLabel = "needs-agent";

    // Normalized (TextNormalizer.Collapse), so ARRÊT, Arret and "stop!" all count.
    private static readonly HashSet<string> s_optOutWords = ["stop", "arret"];
    private static readonly HashSet<string> s_optInWords = ["start"];

    public ValueTask<Decision> DecideAsync(RuleBook book, ContactState? contact, InboundMessage message, CancellationToken cancellationToken = default) =>
        DecideAtAsync(book, contact, message, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>As <see cref="DecideAsync"/>, at a given instant (the explain endpoint's <c>at</c>).</summary>
    public async ValueTask<Decision> DecideAtAsync(RuleBook book, ContactState? contact, InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(message);
        var context = new ReplyContext(book, contact, message, now);
        context.Step("hours", context.IsOpen ? "open" : $"closed; next opening {NextOpening(context)}");

        if (OptOutOrIn(context) || Silenced(context))
        {
            return context.ToDecision();
        }

        var greetingDue = GreetingDue(context);
        var answered = await AnswerAsync(context, cancellationToken).ConfigureAwait(false);
        if (greetingDue)
        {
            Greet(context);
        }

        if (!answered)
        {
            AwayOrFallback(context, greeted: greetingDue);
        }

        return context.ToDecision();
    }

    /// <summary>True when the message was an opt-out or opt-in that ends the decision.</summary>
    private static bool OptOutOrIn(ReplyContext context)
    {
        var optOutRule = context.Book.Rules.FirstOrDefault(r => r.Action == RuleAction.OptOut && Matches(context, r));
        if (optOutRule is not null || context.Texts.Any(t => s_optOutWords.Contains(TextNormalizer.Collapse(t))))
        {
            if (context.OptedOut)
            {
                context.Step("optout", "already opted out; the confirmation was sent once already, nothing is sent", optOutRule?.Name);
                return true;
            }

            context.OptedOut = true;
            context.AddLabels(optOutRule?.Labels ?? []);
            context.Replies.Add(new PlannedReply(context.Body(optOutRule?.Reply ?? context.Book.Settings.OptOutText), ReplyKind.OptOut, optOutRule?.Name));
            context.Step("optout", "opted out; confirmation sent", optOutRule?.Name);
            return true;
        }

        var optInRule = context.Book.Rules.FirstOrDefault(r => r.Action == RuleAction.OptIn && Matches(context, r));
        if (optInRule is not null || context.Texts.Any(t => s_optInWords.Contains(TextNormalizer.Collapse(t))))
        {
            if (!context.OptedOut)
            {
                context.Step("optin", "not opted out; the message is handled as any other", optInRule?.Name);
                return false;
            }

            context.OptedOut = false;
            context.AddLabels(optInRule?.Labels ?? []);
            context.Replies.Add(new PlannedReply(context.Body(optInRule?.Reply ?? context.Book.Settings.OptInText), ReplyKind.OptIn, optInRule?.Name));
            context.Step("optin", "opted in again; confirmation sent", optInRule?.Name);
            return true;
        }

        return false;
    }

    private static bool Silenced(ReplyContext context)
    {
        if (context.OptedOut)
        {
            context.Step("silenced", "the contact opted out (OptedOut is true); nothing is sent");
            return true;
        }

        if (context.PausedUntil is { } until && until > context.Now)
        {
            context.Step("silenced", $"automatic replies are paused until {until:u} (BotPausedUntil); nothing is sent");
            return true;
        }

        return false;
    }

    private static bool GreetingDue(ReplyContext context)
    {
        var settings = context.Book.Settings;
        if (settings.GreetingText is null)
        {
            return false;
        }

        var last = context.Previous?.LastInbound;
        return last is null || context.Now - last.Value >= TimeSpan.FromDays(settings.GreetingAfterDays);
    }

    private static void Greet(ReplyContext context)
    {
        var settings = context.Book.Settings;
        var answers = context.Replies.Count;
        context.Replies.Insert(0, new PlannedReply(context.Body(settings.GreetingText!), ReplyKind.Greeting));
        context.LastGreeting = context.Now;
        var reason = context.Previous?.LastInbound is { } last
            ? $"last message {(context.Now - last).TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days ago (GreetingAfterDays {settings.GreetingAfterDays})"
            : "first message from this contact";
        context.Step("greeting", $"sent: {reason}");

        if (!settings.GreetingShowsMenu)
        {
            return;
        }

        if (!context.Book.HasMenu)
        {
            context.Step("menu", "GreetingShowsMenu is set but there is no menu (MenuText and rules with a MenuTitle)");
        }
        else if (context.Replies.Any(r => r.Body is ListBody))
        {
            context.Step("menu", "the answer already is the menu; not sent twice");
        }
        else if (answers + 2 > MessageLimits.RepliesPerMessage)
        {
            context.Step("menu", "left out after the greeting so the answer fits in three messages");
        }
        else
        {
            context.Replies.Insert(1, new PlannedReply(context.Menu(), ReplyKind.Menu));
            context.Step("menu", "sent after the greeting (GreetingShowsMenu)");
        }
    }

    /// <summary>A rule, a catalogue answer or an order acknowledgement; true when something answers the message itself.</summary>
    private async ValueTask<bool> AnswerAsync(ReplyContext context, CancellationToken cancellationToken)
    {
        if (context.Message.Content is OrderContent order)
        {
            return await AnswerOrderAsync(context, order, cancellationToken).ConfigureAwait(false);
        }

        if (context.Texts.Count == 0)
        {
            context.Step("rule", $"a {context.Message.Type} message is not matched against keywords");
            return false;
        }

        var (rule, match) = FindRule(context);
        if (rule is not null)
        {
            return await ApplyRuleAsync(context, rule, match, cancellationToken).ConfigureAwait(false);
        }

        context.Step("rule", "no rule matched");
        return context.Message.Content is TextContent text
            && await CatalogueAnswerAsync(context, text.Body, cancellationToken).ConfigureAwait(false);
    }

    private static (ReplyRule? Rule, KeywordMatch? Match) FindRule(ReplyContext context)
    {
        var menuPick = MenuPick(context);
        if (menuPick is not null)
        {
            if (Applies(context, menuPick))
            {
                context.Step("rule", $"menu row '{menuPick.MenuTitle}' picked", menuPick.Name);
                return (menuPick, null);
            }

            context.Step("rule", $"menu row picked, but the rule applies only when {menuPick.When.ToString().ToLowerInvariant()}", menuPick.Name);
        }

        foreach (var rule in context.Book.Rules)
        {
            if (rule.Action is RuleAction.OptOut or RuleAction.OptIn || rule.Matcher.Keywords.Count == 0)
            {
                continue;
            }

            foreach (var text in context.Texts)
            {
                var match = rule.Matcher.Match(text);
                if (match.TimedOut)
                {
                    context.Step("warning", $"the regex of rule '{rule.Name}' timed out on this message; treated as no match", rule.Name);
                }
                else if (match.Matched && Applies(context, rule))
                {
                    context.Step("rule", $"keyword '{match.Keyword}' ({rule.Matcher.Mode.ToString().ToLowerInvariant()}) matched; priority {rule.Priority}", rule.Name);
                    return (rule, match);
                }
                else if (match.Matched)
                {
                    context.Step("rule", $"keyword '{match.Keyword}' matched, but the rule applies only when {rule.When.ToString().ToLowerInvariant()}", rule.Name);
                    break;
                }
            }
        }

        return (null, null);
    }

    /// <summary>A picked list row (its id is the rule's name) or its number typed alone ("2").</summary>
    private static ReplyRule? MenuPick(ReplyContext context)
    {
        var rows = context.Book.MenuRows;
        if (context.Message.Content is InteractiveReplyContent { Kind: "list_reply" } pick)
        {
            return rows.FirstOrDefault(r => r.Name == pick.Id);
        }

        if (context.Message.Content is TextContent text && context.Book.HasMenu
            && int.TryParse(text.Body.Trim().TrimEnd('.', ')'), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= rows.Count)
        {
            return rows[number - 1];
        }

        return null;
    }

    private static bool Applies(ReplyContext context, ReplyRule rule) => rule.When switch
    {
        RuleWhen.Open => context.IsOpen,
        RuleWhen.Closed => !context.IsOpen,
        _ => true,
    };

    private static bool Matches(ReplyContext context, ReplyRule rule) =>
        context.Texts.Any(t => rule.Matcher.Match(t).Matched);

    private async ValueTask<bool> ApplyRuleAsync(ReplyContext context, ReplyRule rule, KeywordMatch? match, CancellationToken cancellationToken)
    {
        context.AddLabels(rule.Labels);
        switch (rule.Action)
        {
            case RuleAction.Menu when context.Book.HasMenu:
                // The rule's reply, when it has one, becomes the menu's body: one message instead of two.
                context.Replies.Add(new PlannedReply(context.Menu(rule.Reply), ReplyKind.Menu, rule.Name));
                return true;
            case RuleAction.Menu:
                context.Step("menu", "the rule asks for the menu but there is none (MenuText and rules with a MenuTitle)", rule.Name);
                break;
            case RuleAction.Handoff:
                context.PausedUntil = context.Now.AddHours(rule.PauseHours);
                context.AddLabels([NeedsAgentLabel]);
                context.Step("handoff", $"automatic replies paused for {rule.PauseHours} h; labelled {NeedsAgentLabel}", rule.Name);
                if (rule.Reply is not null)
                {
                    context.Replies.Add(new PlannedReply(context.Body(rule.Reply, rule.Buttons), ReplyKind.Handoff, rule.Name));
                }

                return true;
            case RuleAction.Catalogue:
                return await CatalogueSearchAsync(context, rule, match, cancellationToken).ConfigureAwait(false);
        }

        if (rule.Reply is null)
        {
            return false;
        }

        context.Replies.Add(new PlannedReply(context.Body(rule.Reply, rule.Buttons), ReplyKind.Rule, rule.Name));
        return true;
    }

    private async ValueTask<bool> CatalogueSearchAsync(ReplyContext context, ReplyRule rule, KeywordMatch? match, CancellationToken cancellationToken)
    {
        if (rule.Reply is not null)
        {
            context.Replies.Add(new PlannedReply(context.Body(rule.Reply, rule.Buttons), ReplyKind.Rule, rule.Name));
        }

        if (catalogue is null)
        {
            context.Step("catalogue", "the rule asks the catalogue, but no catalogue is configured", rule.Name);
            return rule.Reply is not null;
        }

        var query = match?.Remainder ?? string.Empty;
        var bodies = await catalogue.SearchAsync(Request(context, query), cancellationToken).ConfigureAwait(false);
        context.Replies.AddRange(bodies.Select(b => new PlannedReply(b, ReplyKind.Catalogue, rule.Name)));
        context.Step("catalogue", $"searched for '{query}': {bodies.Count} message(s)", rule.Name);
        return rule.Reply is not null || bodies.Count > 0;
    }

    private async ValueTask<bool> CatalogueAnswerAsync(ReplyContext context, string text, CancellationToken cancellationToken)
    {
        if (catalogue is null)
        {
            return false;
        }

        var bodies = await catalogue.TryAnswerAsync(Request(context, text.Trim()), cancellationToken).ConfigureAwait(false);
        if (bodies is not { Count: > 0 })
        {
            context.Step("catalogue", "the catalogue does not recognise the text");
            return false;
        }

        context.Replies.AddRange(bodies.Select(b => new PlannedReply(b, ReplyKind.Catalogue)));
        context.Step("catalogue", $"the catalogue answered with {bodies.Count} message(s)");
        return true;
    }

    private async ValueTask<bool> AnswerOrderAsync(ReplyContext context, OrderContent order, CancellationToken cancellationToken)
    {
        context.AddLabels([OrderedLabel]);
        if (catalogue is null)
        {
            context.Step("order", $"order of {order.Items.Count} item(s) labelled {OrderedLabel}; no catalogue is configured to acknowledge it");
            return false;
        }

        var bodies = await catalogue.AnswerOrderAsync(Request(context, order.Text ?? string.Empty), order, cancellationToken).ConfigureAwait(false);
        context.Replies.AddRange(bodies.Select(b => new PlannedReply(b, ReplyKind.Order)));
        context.Step("order", $"order of {order.Items.Count} item(s) acknowledged with {bodies.Count} message(s); labelled {OrderedLabel}");
        return bodies.Count > 0;
    }

    private static CatalogueRequest Request(ReplyContext context, string query) =>
        new(context.Book.PhoneNumberId, query, context.Book.Settings.Catalogue);

    /// <summary>
    /// Nothing answered the message. The away message when it applies (once per cooldown); otherwise the fallback,
    /// but neither a fallback after a greeting (the greeting is the answer to "hello") nor while away is cooling down
    /// (the customer already knows the business is away; "I did not understand" would be noise).
    /// </summary>
    private static void AwayOrFallback(ReplyContext context, bool greeted)
    {
        var settings = context.Book.Settings;
        var awayApplies = settings.AwayText is not null
            && (settings.AwayMode == AwayMode.Always || (settings.AwayMode == AwayMode.OutsideHours && !context.IsOpen));
        if (awayApplies)
        {
            var last = context.Previous?.LastAway;
            var cooldown = TimeSpan.FromHours(settings.AwayCooldownHours);
            if (last is null || context.Now - last.Value >= cooldown)
            {
                context.Replies.Add(new PlannedReply(context.Body(settings.AwayText!), ReplyKind.Away));
                context.LastAway = context.Now;
                context.Step("away", settings.AwayMode == AwayMode.Always ? "sent (AwayMode Always)" : "sent: outside business hours");
            }
            else
            {
                context.Step("away", $"not sent: the last away message went at {last.Value:u}, within AwayCooldownHours {settings.AwayCooldownHours}");
            }

            return;
        }

        if (settings.FallbackText is null)
        {
            context.Step("fallback", "no FallbackText; nothing more is sent");
        }
        else if (greeted)
        {
            context.Step("fallback", "not sent: the greeting answers this message");
        }
        else
        {
            context.Replies.Add(new PlannedReply(context.Body(settings.FallbackText), ReplyKind.Fallback));
            context.Step("fallback", "sent: nothing else answered the message");
        }
    }

    private static string NextOpening(ReplyContext context) =>
        context.Book.Hours.NextOpening(context.Now) is { } at
            ? at.ToString("u", CultureInfo.InvariantCulture)
            : "none within a year";
}

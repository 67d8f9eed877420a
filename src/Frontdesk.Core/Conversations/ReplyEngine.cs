using System.Globalization;
using Frontdesk.Core.Catalogue;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// Decides the automatic replies to one inbound message: opt-out/opt-in → silence when opted out or paused →
/// greeting (and menu) when due → first matching rule, a catalogue answer or an order → away message → fallback.
/// Pure apart from the catalogue port: it sends nothing and stores nothing.
/// </summary>
public sealed class ReplyEngine(TimeProvider timeProvider, ICatalogueResponder catalogue)
{
    public const string OrderedLabel = "ordered";
    public const string NeedsAgentLabel = "needs-agent";
    public const string StormLabel = "storm";
    public const string HumanLabel = "human";

    public ValueTask<Decision> DecideAsync(RuleBook book, ContactState? contact, InboundMessage message, CancellationToken cancellationToken = default) =>
        DecideAtAsync(book, contact, message, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>As <see cref="DecideAsync"/>, at a given instant (the explain endpoint's <c>at</c>).</summary>
    public async ValueTask<Decision> DecideAtAsync(RuleBook book, ContactState? contact, InboundMessage message, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(message);
        var context = new ReplyContext(book, contact, message, now);
        context.Step("hours", context.IsOpen ? "open" : $"closed; next opening {NextOpening(context)}");

        if (SignalStep.NotAConversationTurn(context) || ConsentStep.OptOutOrIn(context) || ConsentStep.Silenced(context))
        {
            return context.ToDecision();
        }

        var greetingDue = GreetingStep.GreetingDue(context);
        if (context.Message.Content is RequestWelcomeContent)
        {
            return Welcome(context, greetingDue);
        }

        var answered = await AnswerAsync(context, cancellationToken).ConfigureAwait(false);
        if (greetingDue)
        {
            GreetingStep.Greet(context);
        }

        if (!answered)
        {
            AwayStep.AwayOrFallback(context, greeted: greetingDue);
        }

        return context.ToDecision();
    }

    /// <summary>
    /// The customer opened the chat (<c>request_welcome</c>): the greeting (and menu) when one is due, as for a first
    /// text, and the away message when closed; never the fallback, since the customer has said nothing yet.
    /// </summary>
    private static Decision Welcome(ReplyContext context, bool greetingDue)
    {
        if (greetingDue)
        {
            GreetingStep.Greet(context);
        }
        else
        {
            context.Step("greeting", context.Book.Settings.GreetingText is null
                ? "not sent: no GreetingText"
                : $"not sent: the contact wrote within GreetingAfterDays ({context.Book.Settings.GreetingAfterDays})");
        }

        AwayStep.AwayOrFallback(context, greeted: greetingDue, fallbackAllowed: false);
        return context.ToDecision();
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

        // "Notify me" under an out-of-stock product: before keywords, which could claim its title.
        if (context.Message.Content is InteractiveReplyContent pressed && RestockIds.TryRead(pressed.Id, out var sku))
        {
            return await RestockAsync(context, sku, cancellationToken).ConfigureAwait(false);
        }

        // A product or collection picked from a catalogue list goes back to the catalogue, before any keyword
        // could claim the row's title.
        if (context.Message.Content is InteractiveReplyContent picked && IsCatalogueRow(picked.Id))
        {
            return await CatalogueAnswerAsync(context, picked.Id, cancellationToken).ConfigureAwait(false);
        }

        var (rule, match) = RuleFinder.FindRule(context);
        if (rule is not null)
        {
            return await ApplyRuleAsync(context, rule, match, cancellationToken).ConfigureAwait(false);
        }

        context.Step("rule", "no rule matched");
        return context.Message.Content is TextContent text
            && await CatalogueAnswerAsync(context, text.Body, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsCatalogueRow(string id) =>
        id.StartsWith(CatalogueRowIds.ProductPrefix, StringComparison.Ordinal)
        || id.StartsWith(CatalogueRowIds.CollectionPrefix, StringComparison.Ordinal);

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
                context.Pause(context.Now.AddHours(rule.PauseHours), $"hand-off rule '{rule.Name}'");
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

        var query = match?.Remainder ?? string.Empty;
        var bodies = await catalogue.SearchAsync(Request(context, query), cancellationToken).ConfigureAwait(false);
        context.Replies.AddRange(bodies.Select(b => new PlannedReply(b, ReplyKind.Catalogue, rule.Name)));
        context.Step("catalogue", $"searched for '{query}': {bodies.Count} message(s)", rule.Name);
        return rule.Reply is not null || bodies.Count > 0;
    }

    private async ValueTask<bool> CatalogueAnswerAsync(ReplyContext context, string text, CancellationToken cancellationToken)
    {
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

    /// <summary>
    /// A "Notify me" press: subscribes the customer (stored by the handler; the engine itself writes nothing) and
    /// confirms in one message. Pressed again while subscribed, the same confirmation goes out and the handler keeps
    /// the first subscription.
    /// </summary>
    private async ValueTask<bool> RestockAsync(ReplyContext context, string sku, CancellationToken cancellationToken)
    {
        var days = context.Book.Settings.RestockDays;
        var answer = await catalogue.RestockAsync(Request(context, sku), sku, days, cancellationToken).ConfigureAwait(false);
        context.Replies.AddRange(answer.Bodies.Select(b => new PlannedReply(b, ReplyKind.Catalogue)));
        switch (answer.Product)
        {
            case null:
                context.Step("restock", $"'Notify me' for '{sku}': not subscribed, the catalogue does not know the product (unknown or discontinued)");
                break;
            case { InStock: true }:
                context.Step("restock", $"'Notify me' for {sku}: not subscribed, the product is in stock again; its card is sent");
                break;
            case var product:
                // Dated by the press itself, so every delivery of it plans the same subscription.
                var name = context.Message.ProfileName ?? context.Previous?.Name;
                var expires = context.Message.Timestamp.AddDays(days);
                context.Subscriptions.Add(new PlannedSubscription(product.Sku, name, context.Message.Timestamp, expires));
                context.Step("restock", $"'Notify me' for {product.Sku}: subscribed until {expires:u} (RestockDays {days})");
                break;
        }

        return answer.Bodies.Count > 0;
    }

    private async ValueTask<bool> AnswerOrderAsync(ReplyContext context, OrderContent order, CancellationToken cancellationToken)
    {
        context.AddLabels([OrderedLabel]);
        var bodies = await catalogue.AnswerOrderAsync(Request(context, order.Text ?? string.Empty), order, cancellationToken).ConfigureAwait(false);
        context.Replies.AddRange(bodies.Select(b => new PlannedReply(b, ReplyKind.Order)));
        context.Step("order", $"order of {order.Items.Count} item(s) acknowledged with {bodies.Count} message(s); labelled {OrderedLabel}");
        return bodies.Count > 0;
    }

    private static CatalogueRequest Request(ReplyContext context, string query) =>
        new(context.Book.PhoneNumberId, query, context.Book.Settings.Catalogue);

    private static string NextOpening(ReplyContext context) =>
        context.Book.Hours.NextOpening(context.Now) is { } at
            ? at.ToString("u", CultureInfo.InvariantCulture)
            : "none within a year";
}

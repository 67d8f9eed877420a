using Frontdesk.Core.Limits;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>The working state of one decision: inputs, replies so far, reasoning, and the contact being updated.</summary>
internal sealed class ReplyContext
{
    private readonly List<string> _labels;

    public ReplyContext(RuleBook book, ContactState? previous, InboundMessage message, DateTimeOffset now)
    {
        Book = book;
        Previous = previous;
        Message = message;
        Now = now;
        IsOpen = book.Hours.IsOpen(now);
        Texts = TextsOf(message.Content);
        _labels = [.. previous?.Labels ?? []];
        OptedOut = previous?.OptedOut ?? false;
        PausedUntil = previous?.BotPausedUntil;
        PauseReason = previous?.PauseReason;
        PausedAt = previous?.PausedAt;
        LastGreeting = previous?.LastGreeting;
        LastAway = previous?.LastAway;
        LastReaction = previous?.LastReaction;
        LastReactionAt = previous?.LastReactionAt;
        RecentReplies = previous?.RecentReplies ?? [];
    }

    public RuleBook Book { get; }

    public ContactState? Previous { get; }

    public InboundMessage Message { get; }

    public DateTimeOffset Now { get; }

    public bool IsOpen { get; }

    /// <summary>What keyword matching looks at: a text's body, an interactive reply's id and title, a template button's payload and text.</summary>
    public IReadOnlyList<string> Texts { get; }

    public List<PlannedReply> Replies { get; } = [];

    public List<DecisionStep> Steps { get; } = [];

    /// <summary>"Notify me" subscriptions to store (the handler writes them; explain only shows them).</summary>
    public List<PlannedSubscription> Subscriptions { get; } = [];

    public bool OptedOut { get; set; }

    public DateTimeOffset? PausedUntil { get; private set; }

    public string? PauseReason { get; private set; }

    public DateTimeOffset? PausedAt { get; private set; }

    public string? LastReaction { get; set; }

    public DateTimeOffset? LastReactionAt { get; set; }

    public IReadOnlyList<ReplyMark> RecentReplies { get; set; }

    public DateTimeOffset? LastGreeting { get; set; }

    public DateTimeOffset? LastAway { get; set; }

    /// <summary>Pauses automatic replies until <paramref name="until"/>, stamping when and why (see <see cref="ContactMerge"/>).</summary>
    public void Pause(DateTimeOffset until, string reason)
    {
        PausedUntil = until;
        PauseReason = reason;
        PausedAt = Now;
    }

    public void Step(string step, string detail, string? rule = null) => Steps.Add(new DecisionStep(step, detail, rule));

    public void AddLabels(IEnumerable<string> labels)
    {
        foreach (var label in labels)
        {
            if (!_labels.Contains(label, StringComparer.OrdinalIgnoreCase))
            {
                _labels.Add(label);
            }
        }
    }

    /// <summary>A text reply with the template variables filled, as buttons when the rule has any.</summary>
    public OutboundBody Body(string text, IReadOnlyList<string>? buttons = null) =>
        buttons is { Count: > 0 }
            ? new ButtonsBody(Render(text, WhatsAppLimits.InteractiveBody), [.. buttons.Select(b => new ReplyButton(b, b))])
            : new TextBody(Render(text, WhatsAppLimits.TextBody));

    public OutboundBody Menu(string? text = null) => new ListBody(
        Render(text ?? Book.Settings.MenuText ?? string.Empty, WhatsAppLimits.ListBody),
        Book.Settings.MenuButton,
        [new ListSection(null, [.. Book.MenuRows.Select(r => new ListRow(r.Name, r.MenuTitle!, r.MenuDescription))])]);

    public ContactState NewState() => new(
        Message.ProfileName ?? Previous?.Name,
        Previous?.FirstSeen ?? Now,
        Now,
        LastGreeting,
        LastAway,
        _labels,
        OptedOut,
        PausedUntil)
    {
        PauseReason = PauseReason,
        PausedAt = PausedAt,
        LastReaction = LastReaction,
        LastReactionAt = LastReactionAt,
        MarketingOptOut = Previous?.MarketingOptOut ?? false,
        RecentReplies = RecentReplies,
    };

    public Decision ToDecision()
    {
        if (Replies.Count > WhatsAppLimits.RepliesPerMessage)
        {
            var dropped = Replies.Skip(WhatsAppLimits.RepliesPerMessage).Select(r => r.Kind.ToString());
            Step("cap", $"at most {WhatsAppLimits.RepliesPerMessage} automatic messages per inbound message; dropped: {string.Join(", ", dropped)}");
            Replies.RemoveRange(WhatsAppLimits.RepliesPerMessage, Replies.Count - WhatsAppLimits.RepliesPerMessage);
        }

        StormStep.Apply(this);
        return new Decision([.. Replies], NewState(), [.. Steps]) { Subscriptions = [.. Subscriptions] };
    }

    private string Render(string text, int limit)
    {
        var next = Book.Hours.NextOpening(Now);
        var values = new Dictionary<string, string>
        {
            ["name"] = Message.ProfileName ?? Previous?.Name ?? string.Empty,
            ["next_open"] = next is { } at ? Book.Hours.FormatOpening(at, Now, Book.Settings.Culture) : string.Empty,
            ["hours_note"] = Book.Hours.NoteAt(Now) ?? string.Empty,
        };
        return TemplateText.Render(text, values, limit);
    }

    private static IReadOnlyList<string> TextsOf(InboundContent content) => content switch
    {
        TextContent t => [t.Body],
        InteractiveReplyContent i => [.. new[] { i.Id, i.Title }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct()],
        TemplateButtonContent b => [.. new[] { b.Payload, b.Text }.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct()],
        _ => [],
    };
}

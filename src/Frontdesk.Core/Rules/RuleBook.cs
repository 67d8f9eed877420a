using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Rules;

/// <summary>Everything the reply engine needs for one business number, compiled from its table rows and immutable.</summary>
public sealed record RuleBook(
    string PhoneNumberId,
    BusinessSettings Settings,
    BusinessHours Hours,
    IReadOnlyList<ReplyRule> Rules,
    IReadOnlyDictionary<string, string> QuickReplies,
    IReadOnlyList<RuleProblem> Problems)
{
    /// <summary>The chat's conversational components from the <c>Components</c> table (published on request, not automatically).</summary>
    public ConversationalComponents Components { get; init; } = ConversationalComponents.Empty;

    /// <summary>The <c>Templates</c> rows by purpose (ignoring case): what business-initiated messages send outside the 24-hour window.</summary>
    public IReadOnlyDictionary<string, MessageTemplate> Templates { get; init; } = new Dictionary<string, MessageTemplate>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The menu's rows: enabled rules with a MenuTitle, by priority, at most ten.</summary>
    public IReadOnlyList<ReplyRule> MenuRows =>
        [.. Rules.Where(r => r.MenuTitle is not null).Take(WhatsAppLimits.MaxListRows)];

    /// <summary>A menu can be sent: it has a body and at least one row.</summary>
    public bool HasMenu => Settings.MenuText is not null && MenuRows.Count > 0;

    /// <summary>A book with no rows at all: no greeting, no away message, no rules, always open.</summary>
    public static RuleBook Empty(string phoneNumberId) =>
        new(phoneNumberId, BusinessSettings.Default, BusinessHours.AlwaysOpen(TimeZoneInfo.Utc), [], new Dictionary<string, string>(), []);
}

using System.Globalization;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Text;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Conversations;

/// <summary>Which rule answers a message: a picked menu row or its typed number first, then the first matching rule by priority.</summary>
internal static class RuleFinder
{
    public static (ReplyRule? Rule, KeywordMatch? Match) FindRule(ReplyContext context)
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

        if (Command(context) is { } command)
        {
            var commanded = context.Book.Rules.FirstOrDefault(r =>
                r.Action is not (RuleAction.OptOut or RuleAction.OptIn)
                && r.Matcher.Mode != MatchMode.Regex
                && r.Matcher.Keywords.Any(k => TextNormaliser.Collapse(k) == command));
            if (commanded is not null && Applies(context, commanded))
            {
                context.Step("rule", $"command '/{command}' is the keyword of this rule", commanded.Name);
                return (commanded, null);
            }
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

    /// <summary>
    /// A chat command typed or picked from WhatsApp's <c>/</c> list ("/menu", "/hours"): the word after the slash,
    /// folded; null for any other text.
    /// </summary>
    private static string? Command(ReplyContext context)
    {
        if (context.Message.Content is not TextContent text)
        {
            return null;
        }

        var trimmed = text.Body.Trim();
        if (trimmed.Length < 2 || trimmed[0] != '/' || trimmed.AsSpan(1).ContainsAny(' ', '\n', '\t'))
        {
            return null;
        }

        var command = TextNormaliser.Collapse(trimmed[1..]);
        return command.Length == 0 ? null : command;
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
}

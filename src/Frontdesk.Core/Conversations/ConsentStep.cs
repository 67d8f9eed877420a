using Frontdesk.Core.Rules;
using Frontdesk.Core.Text;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>Opt-out and opt-in come before anything else, and an opted-out or paused contact gets nothing more.</summary>
internal static class ConsentStep
{
    // Normalized (TextNormaliser.Collapse), so ARRÊT, Arret and "stop!" all count.
    private static readonly HashSet<string> s_optOutWords = ["stop", "arret"];
    private static readonly HashSet<string> s_optInWords = ["start"];

    /// <summary>True when the message was an opt-out or opt-in that ends the decision.</summary>
    public static bool OptOutOrIn(ReplyContext context)
    {
        var optOutRule = context.Book.Rules.FirstOrDefault(r => r.Action == RuleAction.OptOut && Matches(context, r));
        if (optOutRule is not null || context.Texts.Any(t => s_optOutWords.Contains(TextNormaliser.Collapse(t))))
        {
            if (context.OptedOut)
            {
                context.Step("optout", "not answered: contact already opted out (the confirmation went once already)", optOutRule?.Name);
                return true;
            }

            context.OptedOut = true;
            context.AddLabels(optOutRule?.Labels ?? []);
            context.Replies.Add(new PlannedReply(context.Body(optOutRule?.Reply ?? context.Book.Settings.OptOutText), ReplyKind.OptOut, optOutRule?.Name));
            context.Step("optout", "opted out; confirmation sent", optOutRule?.Name);
            return true;
        }

        var optInRule = context.Book.Rules.FirstOrDefault(r => r.Action == RuleAction.OptIn && Matches(context, r));
        if (optInRule is not null || context.Texts.Any(t => s_optInWords.Contains(TextNormaliser.Collapse(t))))
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

    public static bool Silenced(ReplyContext context)
    {
        if (context.OptedOut)
        {
            context.Step("silenced", "not answered: contact opted out (OptedOut in Contacts; START opts in again)");
            return true;
        }

        if (context.PausedUntil is { } until && until > context.Now)
        {
            context.Step("silenced", $"not answered: paused until {until:u} after a hand-off (BotPausedUntil in Contacts; clear it to resume)");
            return true;
        }

        return false;
    }

    private static bool Matches(ReplyContext context, ReplyRule rule) =>
        context.Texts.Any(t => rule.Matcher.Match(t).Matched);
}

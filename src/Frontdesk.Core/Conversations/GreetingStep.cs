using System.Globalization;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>The greeting (and the menu after it) for a first-time contact or one silent for GreetingAfterDays.</summary>
internal static class GreetingStep
{
    public static bool GreetingDue(ReplyContext context)
    {
        var settings = context.Book.Settings;
        if (settings.GreetingText is null)
        {
            return false;
        }

        var last = context.Previous?.LastInbound;
        return last is null || context.Now - last.Value >= TimeSpan.FromDays(settings.GreetingAfterDays);
    }

    public static void Greet(ReplyContext context)
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
        else if (answers + 2 > WhatsAppLimits.RepliesPerMessage)
        {
            context.Step("menu", "left out after the greeting so the answer fits in three messages");
        }
        else
        {
            context.Replies.Insert(1, new PlannedReply(context.Menu(), ReplyKind.Menu));
            context.Step("menu", "sent after the greeting (GreetingShowsMenu)");
        }
    }
}

using Frontdesk.Core.Rules;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>The last resort when nothing answered the message: the away message, else the fallback.</summary>
internal static class AwayStep
{
    /// <summary>
    /// Nothing answered the message. The away message when it applies (once per cooldown); otherwise the fallback,
    /// but neither a fallback after a greeting (the greeting is the answer to "hello") nor while away is cooling down
    /// (the customer already knows the business is away; "I did not understand" would be noise).
    /// </summary>
    public static void AwayOrFallback(ReplyContext context, bool greeted)
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
                context.Step("away", $"away message not repeated: cooldown until {last.Value + cooldown:u} (the last went at {last.Value:u}; AwayCooldownHours {settings.AwayCooldownHours})");
            }

            return;
        }

        if (settings.FallbackText is null)
        {
            context.Step("fallback", "no FallbackText, so nothing more is sent");
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
}

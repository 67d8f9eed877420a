using System.Globalization;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// The storm breaker: more than <c>StormReplies</c> automatic replies to one contact within <c>StormMinutes</c> means
/// something is wrong (another bot answering ours, a customer flooding). The replies over the limit are dropped, the
/// contact is paused for an hour and labelled <c>storm</c>, and the decision carries a warning.
/// </summary>
internal static class StormStep
{
    public static readonly TimeSpan PauseLength = TimeSpan.FromHours(1);

    public static void Apply(ReplyContext context)
    {
        var settings = context.Book.Settings;
        var window = TimeSpan.FromMinutes(settings.StormMinutes);

        // This message's own mark is left out, so a redelivery counts its replies once.
        var recent = context.RecentReplies
            .Where(m => context.Now - m.At < window && m.MessageId != context.Message.Id)
            .ToList();
        var room = Math.Max(0, settings.StormReplies - recent.Sum(m => m.Count));
        if (context.Replies.Count > room)
        {
            var dropped = context.Replies.Skip(room).Select(r => r.Kind.ToString()).ToList();
            context.Replies.RemoveRange(room, context.Replies.Count - room);
            var until = context.Now.Add(PauseLength);
            context.Pause(until, string.Create(CultureInfo.InvariantCulture,
                $"a storm: more than {settings.StormReplies} automatic replies within {settings.StormMinutes} min"));
            context.AddLabels([ReplyEngine.StormLabel]);
            context.Step("storm", string.Create(CultureInfo.InvariantCulture,
                $"warning: {settings.StormReplies - room} automatic replies in the last {settings.StormMinutes} min (StormReplies {settings.StormReplies}); not sent: {string.Join(", ", dropped)}; paused until {until:u}, labelled {ReplyEngine.StormLabel}"));
        }

        if (context.Replies.Count > 0)
        {
            recent.Insert(0, new ReplyMark(context.Now, context.Replies.Count, context.Message.Id));
        }

        context.RecentReplies = recent;
    }
}

using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// Messages that are signals, not something a person asked: a reaction, a deleted message, an edit Frontdesk cannot
/// read, a type Meta does not support or Frontdesk does not know. They get no reply at all: no fallback ("I did not
/// understand" under a 👍 is the typical bot mistake), no greeting. A reaction is kept on the contact.
/// </summary>
internal static class SignalStep
{
    public static bool NotAConversationTurn(ReplyContext context)
    {
        switch (context.Message.Content)
        {
            case ReactionContent reaction:
                context.LastReaction = string.IsNullOrEmpty(reaction.Emoji) ? null : reaction.Emoji;
                context.LastReactionAt = context.Now;
                context.Step("reaction", reaction.Emoji is { Length: > 0 } emoji
                    ? $"reacted {emoji} to {reaction.MessageId}; stored as LastReaction; nothing is sent"
                    : $"removed a reaction from {reaction.MessageId}; nothing is sent");
                return true;
            case RevokeContent revoke:
                context.Step("ignored", $"the customer deleted message {revoke.OriginalMessageId}; nothing is sent");
                return true;
            case EditContent edit:
                context.Step("ignored", $"an edit of {edit.OriginalMessageId} without readable content; nothing is sent");
                return true;
            case UnsupportedContent unsupported:
                context.Step("ignored", $"Meta does not support this message type ({unsupported.UnsupportedType ?? "unknown"}{Codes(unsupported)}); nothing is sent");
                return true;
            case OtherContent other:
                context.Step("ignored", $"a {other.Type} message is not something Frontdesk answers; nothing is sent");
                return true;
            default:
                return false;
        }
    }

    private static string Codes(UnsupportedContent unsupported) =>
        unsupported.Errors.Count == 0 ? string.Empty : ", code " + string.Join(", ", unsupported.Errors.Select(e => e.Code));
}

using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>One automatic message the engine decided to send, and why.</summary>
public sealed record PlannedReply(OutboundBody Body, ReplyKind Kind, string? RuleName = null);

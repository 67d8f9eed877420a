using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>A decision as stored in the ledger, enough to dispatch it again after a crash.</summary>
public sealed record RecordedDecision(IReadOnlyList<OutboundMessage> Replies, ContactState Contact, string Summary);

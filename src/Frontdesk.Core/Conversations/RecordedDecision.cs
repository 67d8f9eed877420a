using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Conversations;

/// <summary>A decision as stored in the ledger, enough to dispatch it again after a crash.</summary>
public sealed record RecordedDecision(IReadOnlyList<OutboundMessage> Replies, ContactState Contact, string Summary)
{
    /// <summary>
    /// The contact's consent as the decision read it (false for a first-time contact; null when unknown), so saving
    /// the contact can tell a decision that changed consent from one that carries a stale copy (<see cref="ContactMerge"/>).
    /// </summary>
    public bool? ConsentBefore { get; init; }

    /// <summary>Why nothing is sent, when nothing is (logged once, by the delivery whose decision stands; not stored).</summary>
    public string? WhyNoReply { get; init; }

    /// <summary>What the storm breaker did, if it fired (logged like <see cref="WhyNoReply"/>; not stored).</summary>
    public IReadOnlyList<string> Storms { get; init; } = [];
}

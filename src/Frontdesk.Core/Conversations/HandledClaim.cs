using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// The outcome of <see cref="IHandledMessages.ClaimAsync"/>: <see cref="Version"/> guards the next write,
/// <see cref="Recorded"/> is the decision that stands (this delivery's, or the one an earlier delivery recorded) and
/// <see cref="Progress"/> how far its chain got.
/// </summary>
public sealed record HandledClaim(
    InboundMessage Message,
    HandledState State,
    string? Version,
    RecordedDecision? Recorded = null,
    ChainProgress? Progress = null);

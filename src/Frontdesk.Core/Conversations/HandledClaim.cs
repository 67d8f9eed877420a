using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Conversations;

/// <summary>The outcome of <see cref="IHandledMessages.ClaimAsync"/>; <see cref="Version"/> guards the next write.</summary>
public sealed record HandledClaim(InboundMessage Message, HandledState State, string? Version, RecordedDecision? Recorded = null);

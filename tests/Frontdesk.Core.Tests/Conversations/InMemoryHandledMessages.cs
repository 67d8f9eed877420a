using System.Collections.Concurrent;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>
/// The handled-message ledger's contract in memory, for the handler's own logic: a new id is Claimed, then Decided
/// with its recorded decision, then Dispatched. <see cref="Preset"/> puts a message in any state first (a duplicate,
/// a delivery that died); the lease and its concurrency are the table ledger's, tested against Azurite in Storage.Tests.
/// </summary>
internal sealed class InMemoryHandledMessages : IHandledMessages
{
    private readonly ConcurrentDictionary<string, HandledClaim> _claims = new(StringComparer.Ordinal);

    /// <summary>When false, recording a decision fails as if another delivery took the lease over.</summary>
    public bool KeepsTheLease { get; set; } = true;

    public HandledState? StateOf(string messageId) => _claims.TryGetValue(messageId, out var claim) ? claim.State : null;

    public void Preset(InboundMessage message, HandledState state, RecordedDecision? recorded = null) =>
        _claims[message.Id] = new HandledClaim(message, state, "v0", recorded);

    public Task<HandledClaim> ClaimAsync(InboundMessage message, CancellationToken cancellationToken = default) =>
        Task.FromResult(_claims.GetOrAdd(message.Id, _ => new HandledClaim(message, HandledState.Claimed, "v1")));

    public Task<bool> RecordDecisionAsync(HandledClaim claim, RecordedDecision decision, CancellationToken cancellationToken = default)
    {
        if (KeepsTheLease)
        {
            _claims[claim.Message.Id] = claim with { State = HandledState.Decided, Recorded = decision };
        }

        return Task.FromResult(KeepsTheLease);
    }

    public Task MarkDispatchedAsync(HandledClaim claim, CancellationToken cancellationToken = default)
    {
        _claims[claim.Message.Id] = _claims[claim.Message.Id] with { State = HandledState.Dispatched };
        return Task.CompletedTask;
    }

    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0);
}

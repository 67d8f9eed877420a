using System.Collections.Concurrent;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.Tests.Conversations;

/// <summary>
/// The handled-message ledger's contract in memory, for the handler's own logic: a new id is Claimed with its
/// decision, its cursor advances, and it ends Dispatched. <see cref="Preset"/> puts a message in any state first (a
/// duplicate, a delivery that died at a cursor); the lease and its concurrency are the table ledger's, tested against
/// Azurite in Storage.Tests.
/// </summary>
internal sealed class InMemoryHandledMessages : IHandledMessages
{
    private readonly ConcurrentDictionary<string, HandledClaim> _claims = new(StringComparer.Ordinal);

    /// <summary>When false, moving the cursor fails as if another delivery took the lease over.</summary>
    public bool KeepsTheLease { get; set; } = true;

    /// <summary>Every wamid indexed as sent.</summary>
    public ConcurrentQueue<SentReply> Indexed { get; } = new();

    public HandledState? StateOf(string messageId) => _claims.TryGetValue(messageId, out var claim) ? claim.State : null;

    public ChainProgress? ProgressOf(string messageId) => _claims.TryGetValue(messageId, out var claim) ? claim.Progress : null;

    public void Preset(InboundMessage message, HandledState state, RecordedDecision? recorded = null, ChainProgress? progress = null) =>
        _claims[message.Id] = new HandledClaim(message, state, "v0", recorded, progress ?? ChainProgress.Start);

    public Task<HandledClaim> ClaimAsync(InboundMessage message, RecordedDecision decision, CancellationToken cancellationToken = default)
    {
        var mine = new HandledClaim(message, HandledState.Claimed, "v1", decision, ChainProgress.Start);
        var found = _claims.GetOrAdd(message.Id, mine);
        return Task.FromResult(
            ReferenceEquals(found, mine) ? mine
            : found.State == HandledState.Claimed ? found with { State = HandledState.Busy }
            : found with { Version = "v2" });
    }

    public Task<HandledClaim?> AdvanceAsync(HandledClaim claim, ChainProgress progress, SentReply? sent, bool handing = false, CancellationToken cancellationToken = default)
    {
        if (!KeepsTheLease)
        {
            return Task.FromResult<HandledClaim?>(null);
        }

        if (sent is not null)
        {
            Indexed.Enqueue(sent);
        }

        var finished = progress.Cursor >= (claim.Recorded?.Replies.Count ?? 0);
        var state = handing ? HandledState.Handing : finished ? HandledState.Dispatched : HandledState.Claimed;
        var next = claim with { State = state, Progress = progress };
        _claims[claim.Message.Id] = next;
        return Task.FromResult<HandledClaim?>(next);
    }

    public Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) => Task.FromResult(0);
}

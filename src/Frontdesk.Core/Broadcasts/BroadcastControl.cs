using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// An operator's pause, resume and cancel. Pause and cancel take effect twice over: the fan-out queues no further
/// page, and the outreach gate (<see cref="BroadcastGate"/>) holds back what is queued already. Resume starts a new
/// fan-out chain (a new token), which queues again what the gate held back.
/// </summary>
public sealed partial class BroadcastControl(IBroadcastStore store, IBroadcastFanoutQueue fanout, TimeProvider time, ILogger<BroadcastControl> logger)
{
    public Task<ControlResult> PauseAsync(string broadcastId, string why, CancellationToken cancellationToken = default) =>
        ChangeAsync(broadcastId, "pause", s => s.IsRunning ? s with { State = BroadcastState.Paused, Warning = why } : null, cancellationToken);

    public async Task<ControlResult> ResumeAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var result = await ChangeAsync(broadcastId, "resume", s => s.State is BroadcastState.Paused or BroadcastState.Scheduled or BroadcastState.Sending
            ? s with
            {
                State = s.StartAt > now ? BroadcastState.Scheduled : BroadcastState.Sending,
                StartedAt = s.StartAt > now ? s.StartedAt : s.StartedAt ?? now,
                Warning = null,
                FanoutToken = Guid.NewGuid().ToString("N"),
            }
            : null, cancellationToken).ConfigureAwait(false);
        if (result.Changed && result.Summary is { } summary)
        {
            // A resume of a running broadcast also restarts a fan-out chain a crash may have broken.
            await fanout.EnqueueAsync(summary.Id, summary.FanoutToken, summary.StartAt > now ? summary.StartAt.Value - now : TimeSpan.Zero, cancellationToken)
                .ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Stops the broadcast, then marks every recipient not queued yet Cancelled (queued ones are stopped by the gate).</summary>
    public async Task<ControlResult> CancelAsync(string broadcastId, CancellationToken cancellationToken = default)
    {
        var result = await ChangeAsync(broadcastId, "cancel", s => s.State is BroadcastState.Done or BroadcastState.Cancelled
            ? null
            : s with { State = BroadcastState.Cancelled, FinishedAt = time.GetUtcNow(), Warning = "cancelled by an operator" }, cancellationToken).ConfigureAwait(false);
        if (result.Summary is not { State: BroadcastState.Cancelled })
        {
            return result;
        }

        var summary = result.Summary;
        foreach (var state in new[] { RecipientState.Planned, RecipientState.Deferred })
        {
            while (await store.InStateAsync(broadcastId, state, IBroadcastStore.MaxRecipientsPerTransition, cancellationToken).ConfigureAwait(false) is { Count: > 0 } page)
            {
                var moved = await store.TransitionAsync(broadcastId, page,
                    (_, r) => r.State is RecipientState.Planned or RecipientState.Deferred ? r with { State = RecipientState.Cancelled } : null,
                    null, cancellationToken).ConfigureAwait(false);
                summary = moved?.Summary ?? summary;
            }
        }

        return result with { Summary = summary };
    }

    private async Task<ControlResult> ChangeAsync(string broadcastId, string action, Func<BroadcastSummary, BroadcastSummary?> change, CancellationToken cancellationToken)
    {
        var changed = false;
        var summary = await store.UpdateAsync(broadcastId, s =>
        {
            var next = change(s);
            changed = next is not null;
            return next;
        }, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            return new ControlResult(null, false);
        }

        Log.Controlled(logger, broadcastId, action, changed ? $"now {summary.State}" : $"nothing to do: it is {summary.State}");
        return new ControlResult(summary, changed);
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.BroadcastControlled, LogLevel.Information, "Broadcast {BroadcastId}: {Action} asked; {Outcome}")]
        public static partial void Controlled(ILogger logger, string broadcastId, string action, string outcome);
    }
}

/// <summary>The broadcast after a control (null: no such broadcast), and whether the control changed it.</summary>
public sealed record ControlResult(BroadcastSummary? Summary, bool Changed);

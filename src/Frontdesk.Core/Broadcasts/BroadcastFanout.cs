using Frontdesk.Core.Outreach;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// One run of a broadcast's fan-out (a <c>broadcast-fanout</c> message): takes the next page of due recipients,
/// reserves room for them under the number's daily cap, queues those that fit on <c>outreach-messages</c> (paced per
/// number by <see cref="IOutreachQueue"/>), defers the rest to the next window, and queues its own next run for when
/// the page is nearly sent, so a pause stops the fan-out within a page. Idempotent: a redelivered run queues the same
/// idempotency keys again, which the send ledger settles once.
/// </summary>
public sealed partial class BroadcastFanout(
    IBroadcastStore store,
    IReachLedger reach,
    IOutreachQueue outreach,
    IBroadcastFanoutQueue fanout,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<BroadcastFanout> logger)
{
    /// <summary>How far ahead of the pacing schedule the next page is queued.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromSeconds(2);

    /// <summary>How often a broadcast with nothing left to queue, but sends still unsettled, looks again: at most 30 s, and twice per <see cref="BroadcastOptions.RequeueAfterSeconds"/>.</summary>
    private TimeSpan Sweep => TimeSpan.FromSeconds(Math.Min(30, options.Value.RequeueAfterSeconds / 2.0));

    private TimeSpan RequeueAfter => TimeSpan.FromSeconds(options.Value.RequeueAfterSeconds);

    public async Task RunAsync(FanoutMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var summary = await store.GetAsync(message.BroadcastId, cancellationToken).ConfigureAwait(false);
        if (summary is null)
        {
            Log.Waited(logger, message.BroadcastId, "no such broadcast: nothing to do");
            return;
        }

        if (summary.FanoutToken != message.Token)
        {
            Log.Waited(logger, summary.Id, "this fan-out message belongs to an earlier chain (before a pause or a resume): left");
            return;
        }

        if (summary.State is BroadcastState.Paused or BroadcastState.Cancelled or BroadcastState.Done)
        {
            Log.Waited(logger, summary.Id, $"{summary.State}: the fan-out stops here");
            return;
        }

        var now = time.GetUtcNow();
        if (summary.StartAt > now || summary.BackoffUntil > now)
        {
            var until = Max(summary.StartAt, summary.BackoffUntil)!.Value;
            Log.Waited(logger, summary.Id, $"waits until {until:u} ({(summary.StartAt > now ? "startAt" : "Meta's throughput limit, 130429")})");
            await fanout.EnqueueAsync(summary.Id, summary.FanoutToken, until - now, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (summary.State == BroadcastState.Scheduled)
        {
            summary = await store.UpdateAsync(summary.Id, s => s.State == BroadcastState.Scheduled
                ? s with { State = BroadcastState.Sending, StartedAt = s.StartedAt ?? now }
                : null, cancellationToken).ConfigureAwait(false) ?? summary;
            if (summary.State != BroadcastState.Sending)
            {
                return;
            }
        }

        await QueuePageAsync(summary, now, cancellationToken).ConfigureAwait(false);
    }

    private async Task QueuePageAsync(BroadcastSummary summary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var page = await store.DueAsync(summary.Id, now, now - RequeueAfter, IBroadcastStore.MaxRecipientsPerTransition, cancellationToken).ConfigureAwait(false);
        if (page.Count == 0)
        {
            await WaitForRestAsync(summary, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var reservation = await reach.ReserveAsync(summary.PhoneNumberId, [.. page.Select(r => r.WaId)], options.Value.DailyUniqueLimit, now, cancellationToken)
            .ConfigureAwait(false);
        var deferred = page.Where(r => reservation.Deferred.Contains(r.WaId)).ToList();
        if (deferred.Count > 0)
        {
            var next = reservation.NextWindowAt ?? now + TimeSpan.FromHours(1);
            await store.TransitionAsync(summary.Id, deferred,
                (_, r) => r.State is RecipientState.Planned or RecipientState.Deferred ? r with { State = RecipientState.Deferred, NotBefore = next } : null,
                s => s with { NextWindowAt = next },
                cancellationToken).ConfigureAwait(false);
        }

        var allowed = page.Where(r => !reservation.Deferred.Contains(r.WaId)).ToList();
        var delay = TimeSpan.Zero;
        if (allowed.Count > 0)
        {
            var rate = Math.Min(options.Value.MessagesPerSecond, summary.MessagesPerSecond > 0 ? summary.MessagesPerSecond : options.Value.MessagesPerSecond);
            var messages = allowed.Select(r => Message(summary, r)).ToList();

            // Queued before the rows say Queued: a crash in between queues the same keys again (the ledger sends
            // them once), never loses them.
            var lastDue = await outreach.EnqueueAsync(messages, rate, cancellationToken).ConfigureAwait(false);
            await store.TransitionAsync(summary.Id, allowed,
                // Not when a pause or cancel landed meanwhile: those recipients stay Planned, and the gate holds their messages.
                (s, r) => s.IsRunning && r.State is RecipientState.Planned or RecipientState.Deferred or RecipientState.Queued
                    ? r with { State = RecipientState.Queued, NotBefore = null, QueuedAt = now }
                    : null,
                null, cancellationToken).ConfigureAwait(false);
            delay = lastDue - now - Lead;
        }
        else
        {
            delay = (reservation.NextWindowAt ?? now + Sweep) - now;
        }

        Log.PageQueued(logger, summary.Id, summary.PhoneNumberId, allowed.Count, deferred.Count,
            deferred.Count == 0 ? "" : $"; {deferred.Count} over the daily cap of {options.Value.DailyUniqueLimit} wait for the next window at {reservation.NextWindowAt:u}");
        await fanout.EnqueueAsync(summary.Id, summary.FanoutToken, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Nothing due now: wait for the deferred recipients' window, or sweep until every send has settled.</summary>
    private async Task WaitForRestAsync(BroadcastSummary summary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (summary.Settled >= summary.Planned)
        {
            Log.Waited(logger, summary.Id, "every recipient settled: the fan-out is finished");
            return;
        }

        var next = summary.Deferred > 0 && summary.NextWindowAt > now ? summary.NextWindowAt.Value : now + Sweep;
        Log.Waited(logger, summary.Id, summary.Deferred > 0
            ? $"{summary.Deferred} deferred by the daily cap wait for the next window at {next:u}"
            : $"nothing left to queue; {summary.Planned - summary.Settled} sends not settled yet: looks again at {next:u}");
        await fanout.EnqueueAsync(summary.Id, summary.FanoutToken, next - now, cancellationToken).ConfigureAwait(false);
    }

    private static OutreachMessage Message(BroadcastSummary summary, BroadcastRecipient recipient)
    {
        var variables = new Dictionary<string, string>(summary.Parameters, StringComparer.Ordinal);
        if (recipient.Name is { } name)
        {
            variables.TryAdd("name", name);
        }

        return new OutreachMessage
        {
            IdempotencyKey = BroadcastKeys.IdempotencyKey(summary.Id, recipient.WaId),
            PhoneNumberId = summary.PhoneNumberId,
            To = recipient.WaId,
            Purpose = summary.Purpose,
            Variables = variables,

            // A broadcast is a template send, inside the window or not.
            FreeForm = null,
        };
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.BroadcastPageQueued, LogLevel.Information,
            "Broadcast {BroadcastId} from {PhoneNumberId}: {Queued} recipients queued for sending, {Deferred} deferred{Detail}")]
        public static partial void PageQueued(ILogger logger, string broadcastId, string phoneNumberId, int queued, int deferred, string detail);

        [LoggerMessage(TelemetryEvents.BroadcastFanoutWaited, LogLevel.Information, "Broadcast {BroadcastId} fan-out: {Reason}")]
        public static partial void Waited(ILogger logger, string broadcastId, string reason);
    }
}

using System.Text.RegularExpressions;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Broadcasts;

/// <summary>
/// Told of each settled outreach message: a broadcast's recipient moves to Sent, Failed, Skipped or Unknown, and the
/// summary's counts move with it in the same transaction (a repeated outcome finds the recipient settled and counts
/// nothing). Meta's throttling slows the broadcast: <c>131056</c> halves its pace, <c>130429</c> makes it back off.
/// </summary>
public sealed partial class BroadcastOutcomes(IBroadcastStore store, TimeProvider time, ILogger<BroadcastOutcomes> logger) : IOutreachOutcomeSink
{
    public const int PairRateLimit = 131056;

    public const int ThroughputLimit = 130429;

    /// <summary>How long a broadcast waits after Meta's 130429 before its next page.</summary>
    public static readonly TimeSpan ThroughputBackoff = TimeSpan.FromSeconds(60);

    public async Task RecordAsync(OutreachMessage message, OutreachOutcome outcome, string? detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!BroadcastKeys.TryParseKey(message.IdempotencyKey, out var broadcastId, out var waId))
        {
            return;
        }

        if (outcome == OutreachOutcome.RetryScheduled)
        {
            await ThrottleAsync(broadcastId, detail, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (Settle(outcome, message, detail) is not { } settled)
        {
            return;
        }

        var recipient = await store.GetRecipientAsync(broadcastId, waId, cancellationToken).ConfigureAwait(false);
        if (recipient is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var result = await store.TransitionAsync(broadcastId, [recipient],
            // A cancel can land while a send is already past the gate: Meta has that message, so Sent replaces Cancelled.
            (_, r) => r.IsSettled && !(r.State == RecipientState.Cancelled && settled.State == RecipientState.Sent)
                ? null
                : r with { State = settled.State, Error = settled.Error, NotBefore = null },
            s => settled.State == RecipientState.Sent ? s with { LastSentAt = now } : s,
            cancellationToken).ConfigureAwait(false);
        if (result is { Changed: > 0, Summary: var summary })
        {
            Log.Settled(logger, broadcastId, waId, settled.State.ToString(), settled.Error ?? "");
            BroadcastLog.DoneIfFinished(logger, summary, now);
        }
    }

    private static (RecipientState State, string? Error)? Settle(OutreachOutcome outcome, OutreachMessage message, string? detail) => outcome switch
    {
        OutreachOutcome.Sent or OutreachOutcome.SentAsTemplate => (RecipientState.Sent, null),
        OutreachOutcome.SkippedOptedOut => (RecipientState.Skipped, "skipped: opted out (STOP)"),
        OutreachOutcome.SkippedMarketingOptOut => (RecipientState.Skipped, "skipped: stopped marketing messages (Meta's 131050)"),
        OutreachOutcome.NeedsTemplate => (RecipientState.Failed, $"not sent: no usable template for '{message.Purpose}'"),
        OutreachOutcome.Failed => (RecipientState.Failed, detail ?? "failed"),
        OutreachOutcome.MaybeSent => (RecipientState.Unknown, detail ?? "the Graph call's answer was lost: maybe sent; Meta's status, or else one resend after the grace period, settles it"),
        // A redelivery (a requeue after a crash) finding the key settled in the ledger: the delivery that settled it
        // may have died before telling the broadcast, so the ledger's word settles the recipient now.
        OutreachOutcome.Duplicate when detail == nameof(LedgerClaim.AlreadySent) => (RecipientState.Sent, null),
        OutreachOutcome.Duplicate when detail == nameof(LedgerClaim.AlreadyFailed) => (RecipientState.Failed, "the send ledger recorded it failed or not sent (an earlier delivery)"),
        _ => null,
    };

    private async Task ThrottleAsync(string broadcastId, string? detail, CancellationToken cancellationToken)
    {
        var code = MetaCode(detail);
        if (code is not (PairRateLimit or ThroughputLimit))
        {
            return;
        }

        var now = time.GetUtcNow();
        var summary = await store.UpdateAsync(broadcastId, s => code == PairRateLimit
            ? s with { MessagesPerSecond = Math.Max(1, s.MessagesPerSecond / 2), Warning = $"Meta's 131056 at {now:u}: pace lowered to {Math.Max(1, s.MessagesPerSecond / 2):0.#}/s" }
            : s with { BackoffUntil = now + ThroughputBackoff, Warning = $"Meta's 130429 (throughput) at {now:u}: no new page before {now + ThroughputBackoff:u}" },
            cancellationToken).ConfigureAwait(false);
        if (summary is not null)
        {
            Log.Throttled(logger, broadcastId, code.Value, summary.Warning ?? "");
        }
    }

    /// <summary>The first 6-digit Meta code in a detail such as "(#131056) Pair rate limit hit".</summary>
    internal static int? MetaCode(string? detail) =>
        detail is not null && CodePattern().Match(detail) is { Success: true } match ? int.Parse(match.Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"(?<!\d)1[0-9]{5}(?!\d)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex CodePattern();

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.BroadcastRecipientSettled, LogLevel.Information, "Broadcast {BroadcastId} recipient {WaId}: {Outcome} {Detail}")]
        public static partial void Settled(ILogger logger, string broadcastId, string waId, string outcome, string detail);

        [LoggerMessage(TelemetryEvents.BroadcastThrottled, LogLevel.Warning, "Broadcast {BroadcastId} throttled by Meta ({MetaErrorCode}): {Warning}")]
        public static partial void Throttled(ILogger logger, string broadcastId, int metaErrorCode, string warning);
    }
}

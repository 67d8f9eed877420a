using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// Exactly one reply decision per inbound message, however often it is delivered, and its replies sent at most once
/// each, in order, straight from here: decide (rules and the contact, read once), claim by recording the decision
/// (one insert; a conflict means another delivery decided first and its decision stands), save the contact with the
/// ETag it was read with (merged on conflict), mark the message read, then send the chain, moving the decision row's
/// cursor before each send. A retryable failure hands the rest of the chain to the <c>outbound-messages</c> queue,
/// whose own ledger (<see cref="OutboundSender"/>) takes over. A delivery that finds a decision whose delivery died
/// carries it on from its cursor once the lease has run out; the reply at the cursor may have reached Meta, so it is
/// recorded maybe sent, not sent again (docs/outbound.md).
/// </summary>
public sealed partial class InboundMessageHandler(
    IHandledMessages ledger,
    IRuleSource rules,
    IContactStore contacts,
    ReplyEngine engine,
    OutboundSender sender,
    IOutboundQueue outbound,
    ISubscriptionStore subscriptions,
    ILogger<InboundMessageHandler> logger)
{
    /// <summary>
    /// Conflicts on one contact row before the message is left to the queue's retry: each conflict is another writer
    /// winning, so a burst of N concurrent messages of one customer needs up to N-1.
    /// </summary>
    private const int MaxContactConflicts = 40;

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message = AsOriginal(message);
        Log.Inbound(logger, message.PhoneNumberId, message.Type, message.Id);
        var (decision, read) = await DecideAsync(message, cancellationToken).ConfigureAwait(false);
        var claim = await ledger.ClaimAsync(message, decision, cancellationToken).ConfigureAwait(false);
        switch (claim.State)
        {
            case HandledState.Dispatched:
                Log.Duplicate(logger, message.Id);
                return;
            case HandledState.Busy:
                throw new DuplicateInProgressException($"Message {message.Id} is being handled by another delivery; retry later.");
            case HandledState.Claimed:
                LogDecision(message, decision);
                break;
            default:
                Log.Redispatching(logger, message.Id, claim.Progress?.Cursor ?? 0, claim.Progress?.Outcomes ?? "");
                break;
        }

        // A decision carried on after a crash was read long ago: the row is read again before it is written.
        var fresh = claim.State == HandledState.Claimed;
        await SaveContactAsync(message, claim.Recorded!, fresh, fresh ? read : null, cancellationToken).ConfigureAwait(false);
        await SendChainAsync(claim, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An edit is handled as the message it edits, under the original's wamid: when the original was answered the
    /// ledger drops the edit as a duplicate, and when the edit comes first it is answered and the original, arriving
    /// later, is the duplicate. Either way the customer gets one answer.
    /// </summary>
    private InboundMessage AsOriginal(InboundMessage message)
    {
        if (message.Content is not EditContent { Edited: { } edited } edit || !WebhookIds.IsMessageId(edit.OriginalMessageId))
        {
            return message;
        }

        Log.Edit(logger, message.Id, edit.OriginalMessageId);
        return message with { Id = edit.OriginalMessageId, Type = edit.EditedType ?? message.Type, Content = edited };
    }

    private async Task<(RecordedDecision Decision, StoredContact? Read)> DecideAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var book = await rules.GetRuleBookAsync(message.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var contact = await contacts.GetAsync(message.PhoneNumberId, message.From, cancellationToken).ConfigureAwait(false);
        var decision = await engine.DecideAsync(book, contact?.State, message, cancellationToken).ConfigureAwait(false);

        // Stored by every delivery, before the claim: the subscription is dated by the message, so a redelivery finds
        // it (live, or closed after its alert) and keeps it as it is.
        foreach (var subscription in decision.Subscriptions)
        {
            var outcome = await subscriptions.SubscribeAsync(message.PhoneNumberId, message.From, subscription, cancellationToken).ConfigureAwait(false);
            Log.Subscribed(logger, message.PhoneNumberId, subscription.Sku, outcome, message.Id);
        }

        var summary = string.Join(" → ", decision.Steps.Select(s => $"{s.Step}: {s.Detail}"));
        var recorded = new RecordedDecision(decision.ToOutboundMessages(message), decision.Contact, summary)
        {
            ConsentBefore = contact?.State.OptedOut ?? false,
            WhyNoReply = decision.WhyNoReply(),
            Storms = [.. decision.Steps.Where(s => s.Step == "storm").Select(s => s.Detail)],
        };
        return (recorded, contact);
    }

    /// <summary>The decision's log lines, once, by the delivery whose decision stands.</summary>
    private void LogDecision(InboundMessage message, RecordedDecision decision)
    {
        if (decision.WhyNoReply is { } why)
        {
            Log.NotAnswered(logger, message.Id, message.PhoneNumberId, why);
        }

        foreach (var storm in decision.Storms)
        {
            Log.Storm(logger, message.PhoneNumberId, message.Id, storm);
        }
    }

    /// <summary>
    /// Writes the decided contact with the version it was read with: one request when nobody wrote the row
    /// meanwhile. On a conflict (another message of the same customer, an echo, a person in the portal) the row is
    /// read again and the decision merged into it (<see cref="ContactMerge"/>), so a concurrent STOP, opt-in, label or
    /// pause is never overwritten by a stale copy.
    /// </summary>
    private async Task SaveContactAsync(InboundMessage message, RecordedDecision decision, bool fresh, StoredContact? read, CancellationToken cancellationToken)
    {
        var decided = decision.Contact;
        var decidedAt = decided.LastInbound ?? message.Timestamp;
        var current = fresh ? read : await contacts.GetAsync(message.PhoneNumberId, message.From, cancellationToken).ConfigureAwait(false);
        var firstTry = fresh;
        for (var attempt = 0; attempt < MaxContactConflicts; attempt++)
        {
            var state = firstTry ? decided : ContactMerge.Merge(decided, current?.State, decidedAt, decision.ConsentBefore);
            if (await contacts.TrySaveAsync(message.PhoneNumberId, message.From, state, current?.Version, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            firstTry = false;

            // A short random pause, so writers that collided do not collide again in lockstep.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 + (5 * attempt))), cancellationToken).ConfigureAwait(false);
            current = await contacts.GetAsync(message.PhoneNumberId, message.From, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Contact {message.From} of {message.PhoneNumberId} kept changing; the message will be retried.");
    }

    /// <summary>
    /// Sends the chain from the claim's cursor, one reply at a time, the decision row's cursor moved before each
    /// send (with the previous reply's wamid indexed in the same request). Stops when another delivery took the
    /// message over; hands the rest to the queue after a retryable failure.
    /// </summary>
    private async Task SendChainAsync(HandledClaim claim, CancellationToken cancellationToken)
    {
        var message = claim.Message;
        var replies = claim.Recorded!.Replies;
        var progress = claim.Progress ?? ChainProgress.Start;
        if (claim.State == HandledState.Handing)
        {
            await HandOffAsync(claim, progress, sent: null, failure: null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (claim.State == HandledState.Decided && progress.Cursor < replies.Count)
        {
            // The dead delivery had moved the cursor to this reply: it may have reached Meta. Not sent again now;
            // its grace check sends it again only if Meta sends no status for it.
            Log.MaybeSentByDeadDelivery(logger, replies[progress.Cursor].IdempotencyKey, message.Id);
            await sender.ScheduleUnknownCheckAsync(replies[progress.Cursor], cancellationToken).ConfigureAwait(false);
            progress = progress.Settle(ChainProgress.Unknown);
        }

        // Marking read twice is harmless, so the receipt needs no ledger; only a retryable failure queues it.
        var receipt = ReadReceipt(message);
        var receiptResult = await sender.CallAsync(receipt, cancellationToken).ConfigureAwait(false);
        if (receiptResult.Outcome is SendOutcome.Throttled or SendOutcome.Transient)
        {
            await sender.RetryLaterAsync(receipt, receiptResult, cancellationToken).ConfigureAwait(false);
        }

        SentReply? sent = null;
        var current = claim;
        if (claim.State == HandledState.Decided || replies.Count == 0)
        {
            // Record where the chain stands before going on (for a new decision, the claim itself says cursor 0).
            current = await ledger.AdvanceAsync(current, progress, sent, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                Log.TakenOver(logger, message.Id);
                return;
            }
        }

        while (progress.Cursor < replies.Count)
        {
            var reply = replies[progress.Cursor];
            if (sender.IsTooLate(reply))
            {
                // A webhook delivered long after the customer wrote (Meta retries for days): the rest goes to the
                // queue, whose sender drops each late reply once, with its warning and a ledger record.
                await HandOffAsync(current, progress, sent, failure: null, cancellationToken).ConfigureAwait(false);
                return;
            }

            Log.ReplyQueued(logger, reply.PhoneNumberId, reply.Kind, reply.RuleName ?? "none", message.Id);
            var result = await sender.CallAsync(reply, cancellationToken).ConfigureAwait(false);
            if (result.Outcome is SendOutcome.Throttled or SendOutcome.Transient)
            {
                await HandOffAsync(current, progress, sent, result, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (result.Outcome == SendOutcome.MaybeAccepted)
            {
                await sender.ScheduleUnknownCheckAsync(reply, cancellationToken).ConfigureAwait(false);
            }

            progress = progress.Settle(result.Outcome switch
            {
                SendOutcome.Accepted => ChainProgress.Sent,
                SendOutcome.MaybeAccepted => ChainProgress.Unknown,
                _ => ChainProgress.Failed,
            });
            sent = result.Outcome == SendOutcome.Accepted && result.WamId is { } wamId ? new SentReply(reply.IdempotencyKey, reply.To, wamId) : null;
            current = await ledger.AdvanceAsync(current, progress, sent, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (current is null)
            {
                Log.TakenOver(logger, message.Id);
                return;
            }
        }
    }

    /// <summary>
    /// Hands the chain from the cursor to the queue: the row says Handing first, so a delivery that finds it after
    /// a crash hands it over again instead of sending (the queue's ledger drops what it already has), then the chain
    /// is queued as a retry of the failed reply, then the row says Dispatched.
    /// </summary>
    private async Task HandOffAsync(HandledClaim claim, ChainProgress progress, SentReply? sent, GraphSendResult? failure, CancellationToken cancellationToken)
    {
        var replies = claim.Recorded!.Replies;
        var rest = replies.Skip(progress.Cursor).ToList();
        var handing = claim.State == HandledState.Handing
            ? claim
            : await ledger.AdvanceAsync(claim, progress, sent, handing: true, cancellationToken).ConfigureAwait(false);
        if (handing is null)
        {
            Log.TakenOver(logger, claim.Message.Id);
            return;
        }

        if (OutboundMessage.Chain(rest) is { } chain)
        {
            if (failure is not null)
            {
                await sender.RetryLaterAsync(chain, failure, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await outbound.EnqueueAsync(chain, delay: null, cancellationToken).ConfigureAwait(false);
            }
        }

        await ledger.AdvanceAsync(handing, progress.HandOff(replies.Count), sent: null, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static OutboundMessage ReadReceipt(InboundMessage message) => new()
    {
        IdempotencyKey = $"{message.Id}:read",
        PhoneNumberId = message.PhoneNumberId,
        To = message.From,
        Kind = ReplyKind.ReadReceipt,
        Body = new MarkReadBody(message.Id),
        InReplyTo = message.Id,
    };

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.InboundMessage, LogLevel.Information, "Inbound {MessageType} message {MessageId} to {PhoneNumberId}")]
        public static partial void Inbound(ILogger logger, string phoneNumberId, string messageType, string messageId);

        [LoggerMessage(TelemetryEvents.ReplyQueued, LogLevel.Information, "Sending {ReplyKind} reply (rule {RuleName}) from {PhoneNumberId} for {MessageId}")]
        public static partial void ReplyQueued(ILogger logger, string phoneNumberId, ReplyKind replyKind, string ruleName, string messageId);

        [LoggerMessage(TelemetryEvents.RestockSubscribed, LogLevel.Information, "'Notify me' for {Sku} on {PhoneNumberId} (message {MessageId}): {Outcome}")]
        public static partial void Subscribed(ILogger logger, string phoneNumberId, string sku, SubscribeOutcome outcome, string messageId);

        [LoggerMessage(TelemetryEvents.EditHandled, LogLevel.Information,
            "Message {EditId} edits {OriginalId}: handled as the original, so it is answered once whichever arrives first")]
        public static partial void Edit(ILogger logger, string editId, string originalId);

        [LoggerMessage(TelemetryEvents.StormBroken, LogLevel.Warning, "Storm breaker for {PhoneNumberId}, message {MessageId}: {Detail}")]
        public static partial void Storm(ILogger logger, string phoneNumberId, string messageId, string detail);

        [LoggerMessage(TelemetryEvents.InboundNotAnswered, LogLevel.Information, "Message {MessageId} to {PhoneNumberId}: {Reason}")]
        public static partial void NotAnswered(ILogger logger, string messageId, string phoneNumberId, string reason);

        [LoggerMessage(TelemetryEvents.InboundDuplicate, LogLevel.Information, "Message {MessageId} was handled before: duplicate delivery ignored")]
        public static partial void Duplicate(ILogger logger, string messageId);

        [LoggerMessage(TelemetryEvents.InboundRedispatched, LogLevel.Warning,
            "Message {MessageId} was decided by a delivery that died (reply {Cursor} next, settled so far: '{Outcomes}'): carrying its recorded decision on")]
        public static partial void Redispatching(ILogger logger, string messageId, int cursor, string outcomes);

        [LoggerMessage(TelemetryEvents.ReplyMaybeSentByDeadDelivery, LogLevel.Warning,
            "Reply with key {IdempotencyKey} (message {MessageId}) was being sent when its delivery died: it may have reached Meta, so it is recorded maybe sent and sent again only if Meta sends no status for it")]
        public static partial void MaybeSentByDeadDelivery(ILogger logger, string idempotencyKey, string messageId);

        [LoggerMessage(TelemetryEvents.InboundTakenOver, LogLevel.Warning,
            "Message {MessageId}: another delivery took it over while this one was sending (its lease ran out); this one stops")]
        public static partial void TakenOver(ILogger logger, string messageId);
    }
}

using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Restock;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// Exactly one reply decision per inbound message, however often it is delivered: claim the wamid in the ledger,
/// decide from the rules and the contact, record the decision, then queue the replies and save the contact. A
/// delivery that finds a recorded but unqueued decision (a crash in between) queues that same decision again once the
/// dead delivery's lease has run out; the sender's ledger drops any reply already sent, by its idempotency key.
/// </summary>
public sealed partial class InboundMessageHandler(
    IHandledMessages ledger,
    IRuleSource rules,
    IContactStore contacts,
    ReplyEngine engine,
    IOutboundQueue outbound,
    ISubscriptionStore subscriptions,
    ILogger<InboundMessageHandler> logger)
{
    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message = AsOriginal(message);
        Log.Inbound(logger, message.PhoneNumberId, message.Type, message.Id);
        var claim = await ledger.ClaimAsync(message, cancellationToken).ConfigureAwait(false);
        switch (claim.State)
        {
            case HandledState.Dispatched:
                Log.Duplicate(logger, message.Id);
                return;
            case HandledState.Busy:
                throw new DuplicateInProgressException($"Message {message.Id} is being decided by another delivery; retry later.");
            case HandledState.Decided:
                Log.Redispatching(logger, message.Id);
                await DispatchAsync(claim, claim.Recorded!, cancellationToken).ConfigureAwait(false);
                return;
        }

        var recorded = await DecideAsync(message, cancellationToken).ConfigureAwait(false);
        if (!await ledger.RecordDecisionAsync(claim, recorded, cancellationToken).ConfigureAwait(false))
        {
            // Our lease ran out and another delivery took over: its decision stands, not ours.
            throw new DuplicateInProgressException($"Message {message.Id} was taken over by another delivery.");
        }

        await DispatchAsync(claim, recorded, cancellationToken).ConfigureAwait(false);
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

    private async Task<RecordedDecision> DecideAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var book = await rules.GetRuleBookAsync(message.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var contact = await contacts.GetAsync(message.PhoneNumberId, message.From, cancellationToken).ConfigureAwait(false);
        var decision = await engine.DecideAsync(book, contact?.State, message, cancellationToken).ConfigureAwait(false);
        if (decision.WhyNoReply() is { } why)
        {
            Log.NotAnswered(logger, message.Id, message.PhoneNumberId, why);
        }

        // Stored before the decision is recorded: a redelivery decides again, and the store keeps a live subscription.
        foreach (var subscription in decision.Subscriptions)
        {
            var outcome = await subscriptions.SubscribeAsync(message.PhoneNumberId, message.From, subscription, cancellationToken).ConfigureAwait(false);
            Log.Subscribed(logger, message.PhoneNumberId, subscription.Sku, outcome, message.Id);
        }

        var replies = decision.ToOutboundMessages(message).Prepend(ReadReceipt(message)).ToList();
        var summary = string.Join(" → ", decision.Steps.Select(s => $"{s.Step}: {s.Detail}"));
        foreach (var storm in decision.Steps.Where(s => s.Step == "storm"))
        {
            Log.Storm(logger, message.PhoneNumberId, message.Id, storm.Detail);
        }

        return new RecordedDecision(replies, decision.Contact, summary);
    }

    private async Task DispatchAsync(HandledClaim claim, RecordedDecision decision, CancellationToken cancellationToken)
    {
        var message = claim.Message;
        await SaveContactAsync(message, decision.Contact, cancellationToken).ConfigureAwait(false);
        foreach (var receipt in decision.Replies.Where(r => r.Kind == ReplyKind.ReadReceipt))
        {
            await outbound.EnqueueAsync(receipt, delay: null, cancellationToken).ConfigureAwait(false);
        }

        // One chain, so the customer sees the greeting before the menu and the menu before the answer.
        var replies = decision.Replies.Where(r => r.Kind != ReplyKind.ReadReceipt).ToList();
        if (OutboundMessage.Chain(replies) is { } chain)
        {
            await outbound.EnqueueAsync(chain, delay: null, cancellationToken).ConfigureAwait(false);
        }

        foreach (var reply in replies)
        {
            Log.ReplyQueued(logger, reply.PhoneNumberId, reply.Kind, reply.RuleName ?? "none", message.Id);
        }

        await ledger.MarkDispatchedAsync(claim, cancellationToken).ConfigureAwait(false);
    }

    private async Task SaveContactAsync(InboundMessage message, ContactState decided, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var current = await contacts.GetAsync(message.PhoneNumberId, message.From, cancellationToken).ConfigureAwait(false);
            var merged = ContactMerge.Merge(decided, current?.State, decided.LastInbound ?? message.Timestamp);
            if (await contacts.TrySaveAsync(message.PhoneNumberId, message.From, merged, current?.Version, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }
        }

        throw new InvalidOperationException($"Contact {message.From} of {message.PhoneNumberId} kept changing; the message will be retried.");
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

        [LoggerMessage(TelemetryEvents.ReplyQueued, LogLevel.Information, "Queued {ReplyKind} reply (rule {RuleName}) from {PhoneNumberId} for {MessageId}")]
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

        [LoggerMessage(TelemetryEvents.InboundRedispatched, LogLevel.Warning, "Message {MessageId} was decided but maybe not queued (crash?): queueing its recorded decision again")]
        public static partial void Redispatching(ILogger logger, string messageId);
    }
}

using Frontdesk.Core.Broadcasts;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Identifiers;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks;
using Frontdesk.Core.WhatsApp.Sending;
using Frontdesk.Storage;
using Frontdesk.Storage.Inbox;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Inbox;

/// <summary>
/// Takes each stored webhook body off <c>webhook-inbox</c>: statuses are recorded (a 131050 marks the contact, a
/// broadcast's counts move), a quality drop pauses running marketing broadcasts,
/// echoes of the business's own messages pause or resume automatic replies, then each customer message gets its one
/// reply decision (after the echoes, so an owner's reply in the same body already silences the bot). Unusable parts
/// of the body are logged and skipped. Exceptions escape on purpose: the host retries, then parks the body in <c>webhook-inbox-poison</c>.
/// </summary>
public sealed partial class InboxFunction(
    InboxReader reader,
    InboundMessageHandler handler,
    IStatusStore statuses,
    StatusSignalHandler statusSignals,
    EchoHandler echoes,
    BroadcastStatuses broadcastStatuses,
    QualityGuard quality,
    ILogger<InboxFunction> logger)
{
    [Function("Inbox")]
    public async Task Run(
        [QueueTrigger(StorageNames.Queues.WebhookInbox, Connection = StorageNames.Connection)] BinaryData message,
        CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(message, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            Log.ClaimCheckGone(logger, message.ToString());
            return;
        }

        var batch = WebhookParser.Parse(body.Body);
        foreach (var skipped in batch.Skipped)
        {
            Log.EchoSkipped(logger, skipped.PhoneNumberId, skipped.Id ?? "(no usable id)", skipped.Reason);
        }

        foreach (var status in batch.Statuses)
        {
            if (WebhookIds.Malformed(status) is { } field)
            {
                Log.Skipped(logger, "status", field, WebhookIds.LengthOf(status, field));
                continue;
            }

            var applied = await statuses.ApplyAsync(status, cancellationToken).ConfigureAwait(false);
            await statusSignals.HandleAsync(status, cancellationToken).ConfigureAwait(false);
            if (applied == StatusApplyResult.Applied)
            {
                // Counted only when the status moved its message forward: a repeat or a late "delivered" counts nothing.
                await broadcastStatuses.HandleAsync(status, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var update in batch.QualityUpdates)
        {
            await quality.HandleAsync(update, cancellationToken).ConfigureAwait(false);
        }

        foreach (var echo in batch.Echoes)
        {
            await echoes.HandleAsync(echo, cancellationToken).ConfigureAwait(false);
        }

        foreach (var inbound in batch.Messages)
        {
            if (WebhookIds.Malformed(inbound) is { } field)
            {
                Log.Skipped(logger, "message", field, WebhookIds.LengthOf(inbound, field));
                continue;
            }

            await handler.HandleAsync(inbound, cancellationToken).ConfigureAwait(false);
        }

        await reader.CompleteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.WebhookItemSkipped, LogLevel.Warning,
            "Skipped a {Item} of a signed webhook: its {Field} ({Length} characters) is not a valid id; nothing is stored or sent for it")]
        public static partial void Skipped(ILogger logger, string item, string field, int length);

        [LoggerMessage(TelemetryEvents.InboxClaimCheckGone, LogLevel.Warning, "Claim check {ClaimCheck} points at a body already handled and deleted (a duplicate of a large webhook): nothing to do")]
        public static partial void ClaimCheckGone(ILogger logger, string claimCheck);

        [LoggerMessage(TelemetryEvents.EchoSkipped, LogLevel.Warning, "Echo {EchoId} for {PhoneNumberId} skipped: {Reason}; the rest of the body is handled")]
        public static partial void EchoSkipped(ILogger logger, string phoneNumberId, string echoId, string reason);
    }
}

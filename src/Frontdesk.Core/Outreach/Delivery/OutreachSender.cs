using Frontdesk.Core.Conversations;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.Outreach.Delivery;

/// <summary>
/// Sends one business-initiated message at most once, aware of the customer's 24-hour window: inside it the message's
/// free-form body, outside it (or without one) the Templates row of its purpose. Opted-out customers (STOP) get
/// nothing; a marketing template also skips customers who stopped marketing messages (131050). With no usable
/// template the message is recorded <see cref="OutreachOutcome.NeedsTemplate"/> once and never retried. A free-form
/// send Meta refuses with 131047 (the window closed meanwhile) goes once more as the template. The send itself goes
/// through the same ledger as replies (<see cref="LedgerSend"/>), keyed by <see cref="OutreachMessage.IdempotencyKey"/>,
/// so a duplicate delivery sends nothing; every outcome is logged once and told to every <see cref="IOutreachOutcomeSink"/>.
/// Each <see cref="IOutreachGate"/> is asked first: a message one holds back (a paused broadcast's) is not sent.
/// A send whose answer was lost (maybe sent) gets the same grace check as a reply, on <c>outbound-messages</c>:
/// Meta's status naming the key settles it, and without one it is sent again, once (<see cref="UnknownSendReconciler"/>).
/// </summary>
public sealed partial class OutreachSender(
    IWhatsAppSender sender,
    ISendLedger ledger,
    IOutreachQueue queue,
    IOutboundQueue graceChecks,
    IContactStore contacts,
    IRuleSource rules,
    IEnumerable<IOutreachOutcomeSink> sinks,
    IEnumerable<IOutreachGate> gates,
    SendSpacer spacer,
    IOptions<OutboundOptions> options,
    TimeProvider time,
    ILogger<OutreachSender> logger)
{
    /// <summary>Meta's "re-engagement message": more than 24 hours since the customer last wrote.</summary>
    public const int WindowClosedCode = 131047;

    private readonly LedgerSend _send = new(sender, ledger, options);
    private readonly IOutreachOutcomeSink[] _sinks = [.. sinks];
    private readonly IOutreachGate[] _gates = [.. gates];

    public async Task<OutreachOutcome> SendAsync(OutreachMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var gate in _gates)
        {
            // Asked before the ledger: a held message is not settled (a paused broadcast queues it again on resume).
            if (await gate.ReasonNotToSendAsync(message, cancellationToken).ConfigureAwait(false) is not null)
            {
                return OutreachOutcome.Held;
            }
        }

        var (outcome, detail) = await SendOneAsync(message, cancellationToken).ConfigureAwait(false);
        foreach (var sink in _sinks)
        {
            await sink.RecordAsync(message, outcome, detail, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<(OutreachOutcome Outcome, string? Detail)> SendOneAsync(OutreachMessage message, CancellationToken cancellationToken)
    {
        var contact = (await contacts.GetAsync(message.PhoneNumberId, message.To, cancellationToken).ConfigureAwait(false))?.State;
        var book = await rules.GetRuleBookAsync(message.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        book.Templates.TryGetValue(message.Purpose, out var template);
        var window = CustomerWindow.Of(contact, time.GetUtcNow());
        var plan = Plan(message, contact, template, window);

        var outbound = ToOutbound(message, plan.Body ?? new TextBody(plan.Why ?? "not sent"));
        var claim = await _send.ClaimAsync(outbound, cancellationToken).ConfigureAwait(false);
        switch (claim)
        {
            case LedgerClaim.AlreadySent or LedgerClaim.AlreadyFailed:
                Log.Duplicate(logger, message.IdempotencyKey, message.Purpose, claim);
                return (OutreachOutcome.Duplicate, claim.ToString());
            case LedgerClaim.AlreadyUnknown:
                // Whoever recorded it Unknown scheduled its grace check.
                Log.MaybeSent(logger, message.IdempotencyKey, message.PhoneNumberId, message.To, $"the ledger says {claim}");
                return (OutreachOutcome.MaybeSent, claim.ToString());
            case LedgerClaim.FoundSending:
                // An earlier delivery died mid-send (or is sending now): the check settles it either way. A message
                // planned not to be sent has nothing to resend (its placeholder body must never reach the customer).
                Log.MaybeSent(logger, message.IdempotencyKey, message.PhoneNumberId, message.To, $"the ledger says {claim}");
                if (plan.Body is not null)
                {
                    await ScheduleUnknownCheckAsync(outbound, cancellationToken).ConfigureAwait(false);
                }

                return (OutreachOutcome.MaybeSent, claim.ToString());
        }

        // Claimed. A message that will not be sent is settled in the ledger too, so a redelivery does not decide again.
        if (plan.Body is null)
        {
            var why = plan.Why ?? "not sent";
            await _send.SettleUnsentAsync(outbound, $"{plan.Outcome}: {why}", cancellationToken).ConfigureAwait(false);
            LogNotSent(message, plan.Outcome, why);
            return (plan.Outcome, why);
        }

        await spacer.WaitTurnAsync(message.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var result = await _send.SendAsync(outbound, cancellationToken).ConfigureAwait(false);
        var sentAs = plan.Body is TemplateBody ? "template" : "free-form";
        if (plan.Body is not TemplateBody && result.Error?.Code == WindowClosedCode)
        {
            // Meta says the window is closed (a clock skew, a contact row behind): once more, as the template.
            var fallback = Template(message, contact, template, "Meta answered 131047 (window closed) to the free-form send");
            if (fallback.Body is null)
            {
                var why = fallback.Why ?? "no template";
                await _send.SettleUnsentAsync(outbound, $"{fallback.Outcome}: {why}", cancellationToken).ConfigureAwait(false);
                LogNotSent(message, fallback.Outcome, why);
                return (fallback.Outcome, why);
            }

            outbound = outbound with { Body = fallback.Body };
            sentAs = "template after 131047";
            await spacer.WaitTurnAsync(message.PhoneNumberId, cancellationToken).ConfigureAwait(false);
            result = await _send.SendAsync(outbound, cancellationToken).ConfigureAwait(false);
        }

        var settled = await _send.SettleAsync(outbound, result, cancellationToken).ConfigureAwait(false);
        return await AfterSettleAsync(message, outbound, result, settled, sentAs, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(OutreachOutcome, string?)> AfterSettleAsync(
        OutreachMessage message, OutboundMessage outbound, GraphSendResult result, Settlement settled, string sentAs, CancellationToken cancellationToken)
    {
        switch (settled.Disposition)
        {
            case SendDisposition.Sent:
                if (!result.PrintedOnly)
                {
                    Log.Sent(logger, message.PhoneNumberId, message.Purpose, sentAs, message.To, message.IdempotencyKey, result.WamId, message.Attempt + 1);
                }

                return (outbound.Body is TemplateBody ? OutreachOutcome.SentAsTemplate : OutreachOutcome.Sent, result.WamId);
            case SendDisposition.MaybeSent:
                Log.MaybeSent(logger, message.IdempotencyKey, message.PhoneNumberId, message.To, settled.Reason ?? "no answer");
                await ScheduleUnknownCheckAsync(outbound, cancellationToken).ConfigureAwait(false);
                return (OutreachOutcome.MaybeSent, settled.Reason);
            case SendDisposition.RetryScheduled:
                await queue.RetryAsync(message with { Attempt = settled.Failures, LastError = settled.LastError }, settled.RetryDelay, cancellationToken).ConfigureAwait(false);
                Log.Retry(logger, message.IdempotencyKey, message.Purpose, result.Outcome, result.Error?.Code, settled.Failures, settled.RetryDelay, result.Reason);
                return (OutreachOutcome.RetryScheduled, settled.LastError);
            case SendDisposition.Poisoned:
                await queue.MoveToPoisonAsync(message with { Attempt = settled.Failures, LastError = settled.LastError }, settled.Reason ?? "gave up", cancellationToken).ConfigureAwait(false);
                break;
        }

        Log.Failed(logger, result.Error?.Code, result.Error?.Title, message.PhoneNumberId, message.Purpose, message.To, message.IdempotencyKey, settled.Reason, result.FbTraceId);
        return (OutreachOutcome.Failed, settled.Reason);
    }

    private async Task ScheduleUnknownCheckAsync(OutboundMessage outbound, CancellationToken cancellationToken)
    {
        if (outbound.AsUnknownCheck() is { } check)
        {
            await graceChecks.EnqueueAsync(check, options.Value.UnknownGrace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What to send (or why not), decided from the contact, the window and the purpose's template.</summary>
    private static SendPlan Plan(OutreachMessage message, ContactState? contact, MessageTemplate? template, CustomerWindow window)
    {
        if (contact is { OptedOut: true })
        {
            return SendPlan.NotSent(OutreachOutcome.SkippedOptedOut, "the customer opted out (STOP)");
        }

        if (template is { Category: TemplateCategory.Marketing } && contact is { MarketingOptOut: true })
        {
            return SendPlan.NotSent(OutreachOutcome.SkippedMarketingOptOut, $"'{message.Purpose}' is a marketing template and the customer stopped marketing messages (131050)");
        }

        if (window.IsOpen && message.FreeForm is { } freeForm)
        {
            return new SendPlan(OutreachOutcome.Sent, freeForm, null);
        }

        var why = window.ClosesAt is { } closed
            ? $"the customer's window closed at {closed:u}"
            : "the customer never wrote (no window)";
        return Template(message, contact, template, message.FreeForm is null ? "the message has no free-form body" : why);
    }

    private static SendPlan Template(OutreachMessage message, ContactState? contact, MessageTemplate? template, string because)
    {
        if (template is null)
        {
            return SendPlan.NotSent(OutreachOutcome.NeedsTemplate, $"{because}, and the Templates table has no usable row for purpose '{message.Purpose}'");
        }

        if (template.Category == TemplateCategory.Marketing && contact is { MarketingOptOut: true })
        {
            return SendPlan.NotSent(OutreachOutcome.SkippedMarketingOptOut, $"'{message.Purpose}' is a marketing template and the customer stopped marketing messages (131050)");
        }

        return TemplateFiller.TryFill(template, message, contact, out var body, out var problem)
            ? new SendPlan(OutreachOutcome.SentAsTemplate, body, null)
            : SendPlan.NotSent(OutreachOutcome.Failed, problem);
    }

    private static OutboundMessage ToOutbound(OutreachMessage message, OutboundBody body) => new()
    {
        IdempotencyKey = message.IdempotencyKey,
        PhoneNumberId = message.PhoneNumberId,
        To = message.To,
        Kind = ReplyKind.Outreach,
        RuleName = message.Purpose,
        Body = body,
        Attempt = message.Attempt,
        LastError = message.LastError,
    };

    private void LogNotSent(OutreachMessage message, OutreachOutcome outcome, string why)
    {
        if (outcome == OutreachOutcome.NeedsTemplate)
        {
            Log.NeedsTemplate(logger, message.PhoneNumberId, message.Purpose, message.To, message.IdempotencyKey, why);
        }
        else
        {
            Log.NotSent(logger, message.PhoneNumberId, message.Purpose, outcome, message.To, message.IdempotencyKey, why);
        }
    }

    private sealed record SendPlan(OutreachOutcome Outcome, OutboundBody? Body, string? Why)
    {
        public static SendPlan NotSent(OutreachOutcome outcome, string why) => new(outcome, null, why);
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.OutreachSent, LogLevel.Information,
            "Outreach {Purpose} sent {SentAs} from {PhoneNumberId} to {To}: key {IdempotencyKey}, wamid {WamId}, attempt {Attempt}")]
        public static partial void Sent(ILogger logger, string phoneNumberId, string purpose, string sentAs, string to, string idempotencyKey, string? wamId, int attempt);

        [LoggerMessage(TelemetryEvents.OutreachNotSent, LogLevel.Information,
            "Outreach {Purpose} from {PhoneNumberId} to {To} not sent ({Outcome}), key {IdempotencyKey}: {Reason}")]
        public static partial void NotSent(ILogger logger, string phoneNumberId, string purpose, OutreachOutcome outcome, string to, string idempotencyKey, string reason);

        [LoggerMessage(TelemetryEvents.OutreachNeedsTemplate, LogLevel.Warning,
            "Outreach {Purpose} from {PhoneNumberId} to {To} not sent, needs a template (recorded, not retried), key {IdempotencyKey}: {Reason}")]
        public static partial void NeedsTemplate(ILogger logger, string phoneNumberId, string purpose, string to, string idempotencyKey, string reason);

        [LoggerMessage(TelemetryEvents.OutreachFailed, LogLevel.Error,
            "Outreach {Purpose} from {PhoneNumberId} to {To} failed for good: Meta code {MetaErrorCode} {MetaErrorTitle}, key {IdempotencyKey}: {Reason} (fbtrace_id {FbTraceId})")]
        public static partial void Failed(ILogger logger, int? metaErrorCode, string? metaErrorTitle, string phoneNumberId, string purpose, string to, string idempotencyKey, string? reason, string? fbTraceId);

        [LoggerMessage(TelemetryEvents.OutreachRetryScheduled, LogLevel.Warning,
            "Outreach {Purpose} retry scheduled for key {IdempotencyKey}: {Outcome}, Meta code {MetaErrorCode}, attempt {Attempt} failed, next in {Delay}: {Reason}")]
        public static partial void Retry(ILogger logger, string idempotencyKey, string purpose, SendOutcome outcome, int? metaErrorCode, int attempt, TimeSpan delay, string? reason);

        [LoggerMessage(TelemetryEvents.OutreachMaybeSent, LogLevel.Warning,
            "Outreach with key {IdempotencyKey} for {PhoneNumberId} to {To} may have been sent; recorded Unknown, and sent again once only if Meta sends no status for it within the grace period: {Reason}")]
        public static partial void MaybeSent(ILogger logger, string idempotencyKey, string phoneNumberId, string to, string reason);

        [LoggerMessage(TelemetryEvents.OutreachDuplicate, LogLevel.Information,
            "Outreach {Purpose} with key {IdempotencyKey} not sent again: the ledger says {LedgerClaim}")]
        public static partial void Duplicate(ILogger logger, string idempotencyKey, string purpose, LedgerClaim ledgerClaim);
    }
}

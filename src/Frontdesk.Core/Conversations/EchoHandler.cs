using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// Acts on one echo of the business's own message (<c>smb_message_echoes</c>): Frontdesk's own sends and the
/// Business app's automation change nothing; <c>#bot on</c>/<c>#bot off</c> resume or pause; a person answering
/// pauses automatic replies for that customer for <c>HumanPauseHours</c> and labels the contact <c>human</c>. Echoes
/// never reach the reply engine, so an owner's text is never answered as if the customer had sent it.
/// </summary>
/// <remarks>
/// Idempotent and order-safe: a pause is written with the echo's own time as <see cref="ContactState.PausedAt"/>, and
/// an echo older than the row's last pause change (a redelivered <c>#bot off</c> after a <c>#bot on</c>) changes
/// nothing but the label.
/// </remarks>
public sealed partial class EchoHandler(
    IRuleSource rules,
    ContactUpdater contacts,
    ISentMessageIndex sent,
    TimeProvider time,
    ILogger<EchoHandler> logger)
{
    public async Task<EchoVerdict> HandleAsync(MessageEcho echo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(echo);
        if (GraphRequestBuilder.IsOwnCallback(echo.BizOpaqueCallbackData))
        {
            return Logged(echo, new EchoVerdict(EchoKind.OwnSend, null, "Frontdesk's own send (biz_opaque_callback_data)"), "nothing changes");
        }

        if (await sent.WasSentByFrontdeskAsync(echo.PhoneNumberId, echo.Id, cancellationToken).ConfigureAwait(false))
        {
            return Logged(echo, new EchoVerdict(EchoKind.OwnSend, null, "Frontdesk's own send (its wamid is in the send ledger)"), "nothing changes");
        }

        var book = await rules.GetRuleBookAsync(echo.PhoneNumberId, cancellationToken).ConfigureAwait(false);
        var at = echo.Timestamp == DateTimeOffset.UnixEpoch ? time.GetUtcNow() : echo.Timestamp;
        var verdict = EchoRules.Classify(echo, book.Settings, at);
        if (verdict.Kind == EchoKind.AppAutomation)
        {
            return Logged(echo, verdict, "not a person; nothing changes");
        }

        var outcome = "nothing changes";
        await contacts.UpdateAsync(echo.PhoneNumberId, echo.To, current =>
        {
            var (next, said) = Apply(current ?? ContactUpdater.Blank, verdict, at);
            outcome = said;
            return next;
        }, cancellationToken).ConfigureAwait(false);
        return Logged(echo, verdict, outcome);
    }

    private static (ContactState? Next, string Outcome) Apply(ContactState contact, EchoVerdict verdict, DateTimeOffset at)
    {
        var labels = verdict.Kind == EchoKind.Human && !contact.Labels.Contains(ReplyEngine.HumanLabel, StringComparer.OrdinalIgnoreCase)
            ? [.. contact.Labels, ReplyEngine.HumanLabel]
            : contact.Labels;
        var labelled = contact with { Labels = labels };
        var changed = !ReferenceEquals(labels, contact.Labels);
        if (contact.PausedAt is { } stamp && stamp > at)
        {
            return (changed ? labelled : null, $"the pause was changed later ({stamp:u}); left as it is");
        }

        switch (verdict.Kind)
        {
            case EchoKind.BotOn:
                return (labelled with { BotPausedUntil = null, PauseReason = null, PausedAt = at }, "automatic replies resumed");
            case EchoKind.BotOff:
                return (Paused(labelled, verdict.PauseUntil!.Value, $"the owner typed {verdict.Detail}", at), $"automatic replies paused until {verdict.PauseUntil:u}");
            case EchoKind.Human when verdict.PauseUntil is { } until:
                if (contact.BotPausedUntil is { } already && already >= until)
                {
                    return (changed ? labelled : null, $"already paused until {already:u}; labelled {ReplyEngine.HumanLabel}");
                }

                return (Paused(labelled, until, $"the owner answering from the WhatsApp Business app at {at:u}", at),
                    $"automatic replies paused until {until:u}; labelled {ReplyEngine.HumanLabel}");
            default:
                return (changed ? labelled : null, $"labelled {ReplyEngine.HumanLabel}; nothing paused");
        }
    }

    private static ContactState Paused(ContactState contact, DateTimeOffset until, string reason, DateTimeOffset at) =>
        contact with { BotPausedUntil = until, PauseReason = reason, PausedAt = at };

    private EchoVerdict Logged(MessageEcho echo, EchoVerdict verdict, string outcome)
    {
        Log.Echo(logger, echo.PhoneNumberId, echo.Id, echo.To, verdict.Kind, verdict.Detail ?? string.Empty, outcome);
        return verdict;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.EchoHandled, LogLevel.Information,
            "Echo {EchoId} from {PhoneNumberId} to {To}: {EchoKind} ({Detail}); {Outcome}")]
        public static partial void Echo(ILogger logger, string phoneNumberId, string echoId, string to, EchoKind echoKind, string detail, string outcome);
    }
}

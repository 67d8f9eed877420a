using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Text;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// Used when <c>WhatsApp__AccessToken</c> is empty (a local run): logs what would be sent (recipient, kind and the
/// Graph JSON, shown as readable UTF-8) instead of calling Meta, and answers "printed": settled like an acceptance, so
/// the ledger behaves as live, but never logged as sent.
/// </summary>
public sealed partial class ConsoleWhatsAppSender(ILogger<ConsoleWhatsAppSender> logger) : IWhatsAppSender
{
    private int _sent;

    public Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!GraphRequestBuilder.TryBuild(message, out var json, out var problem))
        {
            Log.Refused(logger, message.PhoneNumberId, message.To, message.Kind, problem);
            return Task.FromResult(GraphSendResult.LocalFailure(problem));
        }

        if (message.Body is MarkReadBody read)
        {
            Log.ReadReceiptPrinted(logger, read.MessageId, message.PhoneNumberId);
            return Task.FromResult(GraphSendResult.Printed(null));
        }

        var n = Interlocked.Increment(ref _sent);
        Log.ReplyPrinted(logger, message.Kind, message.RuleName ?? "none", message.PhoneNumberId, message.To, ReadableJson.Reformat(json));
        return Task.FromResult(GraphSendResult.Printed($"wamid.CONSOLE_{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.ReplyPrinted, LogLevel.Information, "{ReplyKind} reply (rule {RuleName}) from {PhoneNumberId} to {To} printed, not sent: no access token. {GraphJson}")]
        public static partial void ReplyPrinted(ILogger logger, ReplyKind replyKind, string ruleName, string phoneNumberId, string to, string graphJson);

        [LoggerMessage(TelemetryEvents.ReadReceiptPrinted, LogLevel.Information, "Read receipt for {MessageId} from {PhoneNumberId} printed, not sent: no access token")]
        public static partial void ReadReceiptPrinted(ILogger logger, string messageId, string phoneNumberId);

        [LoggerMessage(TelemetryEvents.ReplyRefusedLocally, LogLevel.Warning, "{ReplyKind} reply from {PhoneNumberId} to {To} not printed: the Graph API would refuse it: {Problem}")]
        public static partial void Refused(ILogger logger, string phoneNumberId, string to, ReplyKind replyKind, string problem);
    }
}

using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>
/// Used when <c>WhatsApp__AccessToken</c> is empty (a local run): logs what would be sent — recipient, kind and the
/// exact Graph JSON — instead of calling Meta, and answers like an acceptance so the ledger and logs behave as live.
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

        var n = Interlocked.Increment(ref _sent);
        Log.WouldSend(logger, message.PhoneNumberId, message.To, message.Kind, message.RuleName, json);
        return Task.FromResult(GraphSendResult.Accepted(
            message.Body is MarkReadBody ? null : $"wamid.CONSOLE_{n.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.ReplyPrinted, LogLevel.Information, "[no access token: not sent] {PhoneNumberId} → {To} ({ReplyKind} {RuleName}): {GraphJson}")]
        public static partial void WouldSend(ILogger logger, string phoneNumberId, string to, ReplyKind replyKind, string? ruleName, string graphJson);

        [LoggerMessage(TelemetryEvents.ReplyRefusedLocally, LogLevel.Warning, "[no access token] {PhoneNumberId} → {To} ({ReplyKind}) would be refused: {Problem}")]
        public static partial void Refused(ILogger logger, string phoneNumberId, string to, ReplyKind replyKind, string problem);
    }
}

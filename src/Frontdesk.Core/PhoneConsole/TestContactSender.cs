using Frontdesk.Core.Telemetry;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Core.PhoneConsole;

/// <summary>
/// Sits in front of the real sender: a message to a test contact (see <see cref="TestContacts"/>) is checked as the
/// Graph client would check it and stored in the console's outbox, and never reaches Meta; everyone else's goes on.
/// </summary>
public sealed partial class TestContactSender(
    IWhatsAppSender inner,
    IConsoleOutbox outbox,
    IOptions<PhoneConsoleOptions> options,
    ILogger<TestContactSender> logger) : IWhatsAppSender
{
    /// <summary>The sender everyone who is not a test contact goes to (the Graph client, or the log printer).</summary>
    public IWhatsAppSender Inner => inner;

    public async Task<GraphSendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TestContacts.IsTestContact(message.To, options.Value.TestNumberPrefix))
        {
            return await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }

        // The same refusal Meta would give (too long, too many buttons…), so the console shows what production would.
        if (!GraphRequestBuilder.TryBuild(message, out _, out var problem))
        {
            Log.Refused(logger, message.PhoneNumberId, message.To, message.Kind, problem);
            return GraphSendResult.LocalFailure(problem);
        }

        var wamId = message.Body is MarkReadBody ? null : "wamid.CONSOLE." + message.IdempotencyKey;
        await outbox.StoreAsync(message, wamId, cancellationToken).ConfigureAwait(false);
        Log.Stored(logger, message.PhoneNumberId, message.To, message.Kind, message.RuleName, message.IdempotencyKey);
        return GraphSendResult.Accepted(wamId);
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.ConsoleReplyStored, LogLevel.Information,
            "Not sent to Meta: {To} is a test contact; {PhoneNumberId} {ReplyKind} {RuleName} (key {IdempotencyKey}) stored in ConsoleOutbox")]
        public static partial void Stored(ILogger logger, string phoneNumberId, string to, ReplyKind replyKind, string? ruleName, string idempotencyKey);

        [LoggerMessage(TelemetryEvents.ConsoleReplyRefused, LogLevel.Warning,
            "Not sent to test contact {To} of {PhoneNumberId} ({ReplyKind}): Meta would refuse it: {Problem}")]
        public static partial void Refused(ILogger logger, string phoneNumberId, string to, ReplyKind replyKind, string problem);
    }
}

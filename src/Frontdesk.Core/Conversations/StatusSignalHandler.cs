using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Core.Conversations;

/// <summary>
/// What a status says about the customer: <c>131050</c> ("this recipient has chosen to stop receiving marketing
/// messages") marks the contact <c>MarketingOptOut</c>, so no one sends them marketing templates again.
/// </summary>
public sealed partial class StatusSignalHandler(ContactUpdater contacts, ILogger<StatusSignalHandler> logger)
{
    public const int StoppedMarketingCode = 131050;

    public async Task HandleAsync(StatusUpdate status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (!status.Errors.Any(e => e.Code == StoppedMarketingCode) || string.IsNullOrWhiteSpace(status.RecipientId))
        {
            return;
        }

        var customer = status.RecipientId.Trim().TrimStart('+');
        var written = await contacts.UpdateAsync(status.PhoneNumberId, customer,
            current => current is { MarketingOptOut: true } ? null : (current ?? ContactUpdater.Blank) with { MarketingOptOut = true },
            cancellationToken).ConfigureAwait(false);
        Log.OptOut(logger, status.PhoneNumberId, status.MessageId, customer, written is null ? "already marked" : "marked MarketingOptOut");
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.MarketingOptOut, LogLevel.Information,
            "Status of {WamId} from {PhoneNumberId}: {Customer} stopped marketing messages (131050); {Outcome}")]
        public static partial void OptOut(ILogger logger, string phoneNumberId, string wamId, string customer, string outcome);
    }
}

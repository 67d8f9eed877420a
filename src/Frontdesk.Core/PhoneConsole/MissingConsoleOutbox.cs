using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.PhoneConsole;

/// <summary>
/// The outbox when no storage registered one (Core on its own, as in unit tests): a reply to a test contact fails
/// loudly rather than going anywhere, least of all to Meta. The hosts register Frontdesk.Storage's table outbox.
/// </summary>
internal sealed class MissingConsoleOutbox : IConsoleOutbox
{
    public Task StoreAsync(OutboundMessage message, string? wamId, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(
            $"A reply to test contact {message?.To} cannot be stored: no ConsoleOutbox is registered (AddFrontdeskStorage). It was not sent to Meta.");
}

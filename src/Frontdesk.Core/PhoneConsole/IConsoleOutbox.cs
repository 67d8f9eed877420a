using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.PhoneConsole;

/// <summary>Where replies to test contacts go instead of Meta: the <c>ConsoleOutbox</c> table the console page reads.</summary>
public interface IConsoleOutbox
{
    /// <summary>Stores one reply (or read receipt) under its idempotency key, so a repeat overwrites rather than adds.</summary>
    Task StoreAsync(OutboundMessage message, string? wamId, CancellationToken cancellationToken = default);
}

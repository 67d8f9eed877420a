using System.Collections.Concurrent;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Core.Tests.PhoneConsole;

/// <summary>An in-memory console outbox: what would have been stored for test contacts, in order.</summary>
internal sealed class RecordingConsoleOutbox : IConsoleOutbox
{
    public ConcurrentQueue<OutboundMessage> Stored { get; } = new();

    public Task StoreAsync(OutboundMessage message, string? wamId, CancellationToken cancellationToken = default)
    {
        Stored.Enqueue(message);
        return Task.CompletedTask;
    }
}

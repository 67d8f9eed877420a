using System.Collections.Concurrent;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;

namespace Frontdesk.Core.Tests.WhatsApp;

internal sealed class RecordingOutboundQueue : IOutboundQueue
{
    public ConcurrentQueue<(OutboundMessage Message, TimeSpan? Delay)> Enqueued { get; } = new();

    public ConcurrentQueue<(OutboundMessage Message, string Reason)> Poisoned { get; } = new();

    public Task EnqueueAsync(OutboundMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        Enqueued.Enqueue((message, delay));
        return Task.CompletedTask;
    }

    public Task MoveToPoisonAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default)
    {
        Poisoned.Enqueue((message, reason));
        return Task.CompletedTask;
    }
}

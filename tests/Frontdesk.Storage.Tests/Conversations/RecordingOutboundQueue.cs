using System.Collections.Concurrent;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;

namespace Frontdesk.Storage.Tests.Conversations;

/// <summary>
/// Forwards to the real queue and remembers what was enqueued with which delay. It can play a crash (throw instead
/// of the Nth enqueue) or hold the first enqueue until released, to stop a delivery between two of its steps.
/// </summary>
internal sealed class RecordingOutboundQueue(IOutboundQueue inner) : IOutboundQueue
{
    private int _calls;

    public ConcurrentQueue<(OutboundMessage Message, TimeSpan? Delay)> Enqueued { get; } = new();

    /// <summary>When set, the enqueue with this 1-based number throws, as if the instance died there.</summary>
    public int? CrashAt { get; init; }

    /// <summary>When set, the first enqueue signals <see cref="Holding"/> and waits for this before going on.</summary>
    public TaskCompletionSource? HoldFirst { get; init; }

    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task EnqueueAsync(OutboundMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        if (call == CrashAt)
        {
            throw new IOException("The instance died while queueing the replies.");
        }

        if (call == 1 && HoldFirst is not null)
        {
            Holding.TrySetResult();
            await HoldFirst.Task.WaitAsync(cancellationToken);
        }

        await inner.EnqueueAsync(message, delay, cancellationToken);
        Enqueued.Enqueue((message, delay));
    }

    public Task MoveToPoisonAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default) =>
        inner.MoveToPoisonAsync(message, reason, cancellationToken);
}

namespace Frontdesk.Storage;

/// <summary>
/// "This app just put a message on queue X." The Functions host wakes a queue listener at once when the same app
/// enqueues to its queue, instead of waiting for the next poll; DevHost's pumps listen here to behave the same way.
/// In Azure nobody waits on it and a signal costs nothing.
/// </summary>
public sealed class QueueSignals
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);

    /// <summary>Called by producers after a message is visible on <paramref name="queueName"/>.</summary>
    public void Sent(string queueName)
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            _waiting.Remove(queueName, out waiter);
        }

        waiter?.TrySetResult();
    }

    /// <summary>Completes at the next <see cref="Sent"/> for the queue, or after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(string queueName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_gate)
        {
            if (!_waiting.TryGetValue(queueName, out var waiter))
            {
                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting[queueName] = waiter;
            }

            signal = waiter.Task;
        }

        await Task.WhenAny(signal, Task.Delay(timeout, cancellationToken)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}

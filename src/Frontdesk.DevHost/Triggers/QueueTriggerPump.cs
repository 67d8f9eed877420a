using System.Reflection;
using System.Runtime.CompilerServices;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Frontdesk.Core.Telemetry;
using Frontdesk.DevHost.Hosting;
using Frontdesk.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Frontdesk.DevHost.Triggers;

/// <summary>
/// Runs one queue-triggered function the way the Storage Queues extension does: polls with host.json's batch size,
/// backs off on empty polls up to <c>maxPollingInterval</c>, runs a batch in parallel, deletes a message only after
/// success, makes a failed one visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c>
/// attempts moves it to <c>&lt;queue&gt;-poison</c>. Delivery is at least once, exactly as in Azure. Like the host, an
/// idle pump wakes at once when this app itself enqueues to its queue (<see cref="QueueSignals"/>).
/// </summary>
public sealed partial class QueueTriggerPump(
    FunctionEntry function,
    QueueClient queue,
    QueueClient poison,
    QueueSettings settings,
    QueueSignals signals,
    IServiceProvider services,
    ILogger<QueueTriggerPump> logger) : BackgroundService
{
    /// <summary>
    /// The lease a received message gets, renewed every third of it while the function runs (the host does the same
    /// with 10 minutes). Short, so a message whose DevHost died (kill -9) is visible again within 30 s and a restart
    /// answers it at once, instead of 10 minutes later (docs/outbound.md, crash recovery).
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan s_minimumPoll = TimeSpan.FromMilliseconds(100);

    public static IReadOnlySet<string> BindingData { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "dequeueCount", "insertionTime", "expirationTime", "nextVisibleTime", "popReceipt",
    };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        FunctionInvoker.EnsureSupported(function, FunctionInvoker.Has<QueueTriggerAttribute>, BindingData);
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        Log.Listening(logger, function.Definition.Name, queue.Name);
        var delay = s_minimumPoll;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(Math.Clamp(settings.BatchSize, 1, 32), Lease, stoppingToken).ConfigureAwait(false)).Value;
            }
            catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
            {
                Log.PollFailed(logger, queue.Name, e);
                batch = [];
            }

            if (batch.Length == 0)
            {
                await signals.WaitAsync(queue.Name, delay, stoppingToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, s_minimumPoll.Ticks)));
                continue;
            }

            delay = s_minimumPoll;
            await Task.WhenAll(batch.Select(m => ProcessAsync(m, stoppingToken))).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            // An earlier attempt died with its instance: the host poisons such a message on sight.
            await MoveToPoisonAsync(message, message.PopReceipt, stoppingToken).ConfigureAwait(false);
            return;
        }

        var receipt = new StrongBox<string?>(message.PopReceipt);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewAsync(message.MessageId, receipt, renewing.Token);
        try
        {
            using var scope = services.CreateScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, p => Bind(p, message), stoppingToken).ConfigureAwait(false);
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            await queue.DeleteMessageAsync(message.MessageId, receipt.Value!, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            await StopRenewingAsync(renewing, renewal).ConfigureAwait(false);
            Log.InvocationFailed(logger, function.Definition.Name, message.MessageId, message.DequeueCount, e);
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message, receipt.Value!, stoppingToken).ConfigureAwait(false);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, receipt.Value!, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Keeps the message invisible while the function runs, one <see cref="Lease"/> at a time.</summary>
    private async Task RenewAsync(string messageId, StrongBox<string?> receipt, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(Lease / 3, cancellationToken).ConfigureAwait(false);
            var renewed = await queue.UpdateMessageAsync(messageId, receipt.Value!, visibilityTimeout: Lease, cancellationToken: cancellationToken).ConfigureAwait(false);
            receipt.Value = renewed.Value.PopReceipt;
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync().ConfigureAwait(false);
        try
        {
            await renewal.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message, string popReceipt, CancellationToken cancellationToken)
    {
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await queue.DeleteMessageAsync(message.MessageId, popReceipt, cancellationToken).ConfigureAwait(false);
        Log.Poisoned(logger, function.Definition.Name, message.MessageId, poison.Name, message.DequeueCount);
    }

    private static object? Bind(ParameterInfo parameter, QueueMessage message)
    {
        if (FunctionInvoker.Has<QueueTriggerAttribute>(parameter))
        {
            var type = parameter.ParameterType;
            return type == typeof(string) ? message.Body.ToString()
                : type == typeof(BinaryData) ? message.Body
                : type == typeof(QueueMessage) ? message
                : type == typeof(byte[]) ? message.Body.ToArray()
                : System.Text.Json.JsonSerializer.Deserialize(message.Body.ToString(), type, System.Text.Json.JsonSerializerOptions.Web);
        }

        return parameter.Name?.ToUpperInvariant() switch
        {
            "ID" => message.MessageId,
            "DEQUEUECOUNT" => Convert.ChangeType(message.DequeueCount, parameter.ParameterType, System.Globalization.CultureInfo.InvariantCulture),
            "INSERTIONTIME" => message.InsertedOn,
            "EXPIRATIONTIME" => message.ExpiresOn,
            "NEXTVISIBLETIME" => message.NextVisibleOn,
            "POPRECEIPT" => message.PopReceipt,
            _ => null,
        };
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.DevHostQueueListening, LogLevel.Information, "{Function}: listening to queue '{Queue}'")]
        public static partial void Listening(ILogger logger, string function, string queue);

        [LoggerMessage(TelemetryEvents.DevHostQueueMessageFailed, LogLevel.Warning, "{Function}: message {MessageId} failed on attempt {DequeueCount}")]
        public static partial void InvocationFailed(ILogger logger, string function, string messageId, long dequeueCount, Exception exception);

        [LoggerMessage(TelemetryEvents.DevHostQueueMessagePoisoned, LogLevel.Error, "{Function}: message {MessageId} moved to '{PoisonQueue}' after {DequeueCount} attempts")]
        public static partial void Poisoned(ILogger logger, string function, string messageId, string poisonQueue, long dequeueCount);

        [LoggerMessage(TelemetryEvents.DevHostQueuePollFailed, LogLevel.Warning, "Polling queue '{Queue}' failed; trying again")]
        public static partial void PollFailed(ILogger logger, string queue, Exception exception);
    }
}

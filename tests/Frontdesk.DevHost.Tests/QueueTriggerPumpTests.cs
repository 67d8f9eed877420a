using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Frontdesk.DevHost.Hosting;
using Frontdesk.DevHost.Triggers;
using Frontdesk.Testing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Frontdesk.DevHost.Tests;

/// <summary>The pump's delivery contract against a real Azurite queue: at least once, retries, then poison.</summary>
public sealed class QueueTriggerPumpTests : IAsyncLifetime
{
    private static readonly QueueSettings s_settings = new()
    {
        BatchSize = 4,
        MaxDequeueCount = 3,
        MaxPollingInterval = TimeSpan.FromMilliseconds(200),
        VisibilityTimeout = TimeSpan.Zero,
    };

    private AzuriteServer _azurite = null!;
    private QueueClient _queue = null!;
    private QueueClient _poison = null!;

    public async ValueTask InitializeAsync()
    {
        _azurite = await AzuriteServer.StartAsync(TestContext.Current.CancellationToken);
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        _queue = new QueueClient(_azurite.ConnectionString, "pumped", options);
        _poison = new QueueClient(_azurite.ConnectionString, "pumped-poison", options);
        await _queue.CreateAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _azurite.DisposeAsync();

    [Fact]
    public async Task Message_ThatFailsOnce_IsRetriedAndThenDeleted()
    {
        var calls = new RecordingFunction.Calls { FailuresBeforeSuccess = 1 };
        await _queue.SendMessageAsync("hello", TestContext.Current.CancellationToken);

        // Done once the success is recorded and the pump has deleted the message (the delete follows the call).
        await RunPumpUntilAsync(calls, () => calls.Succeeded.Count == 1 && _queue.GetProperties().Value.ApproximateMessagesCount == 0);

        Assert.Equal(["hello:1", "hello:2"], calls.Attempts.OrderBy(a => a, StringComparer.Ordinal));
        Assert.Single(calls.Succeeded);
    }

    [Fact]
    public async Task Message_ThatAlwaysFails_EndsInThePoisonQueueAfterMaxDequeueCount()
    {
        var calls = new RecordingFunction.Calls { FailuresBeforeSuccess = int.MaxValue };
        await _queue.SendMessageAsync("broken", TestContext.Current.CancellationToken);

        await RunPumpUntilAsync(calls, () => _poison.Exists().Value && _poison.GetProperties().Value.ApproximateMessagesCount == 1);

        Assert.Equal(3, calls.Attempts.Count);
        var poisoned = (await _poison.ReceiveMessageAsync(cancellationToken: TestContext.Current.CancellationToken)).Value;
        Assert.Equal("broken", poisoned.Body.ToString());
    }

    [Fact]
    public async Task Batch_IsProcessedInParallelAndEachMessageOnce()
    {
        var calls = new RecordingFunction.Calls();
        for (var i = 0; i < 12; i++)
        {
            await _queue.SendMessageAsync($"m{i}", TestContext.Current.CancellationToken);
        }

        await RunPumpUntilAsync(calls, () => calls.Succeeded.Count == 12);

        Assert.Equal(12, calls.Succeeded.Distinct().Count());
        Assert.True(calls.MaxConcurrency > 1, $"max concurrency {calls.MaxConcurrency}");
    }

    private async Task RunPumpUntilAsync(RecordingFunction.Calls calls, Func<bool> done)
    {
        var services = new ServiceCollection().AddSingleton(calls).BuildServiceProvider();
        var method = typeof(RecordingFunction).GetMethod(nameof(RecordingFunction.Run))!;
        var entry = new FunctionEntry(
            new Frontdesk.DevHost.Hosting.FunctionDefinition
            {
                Name = "Recording",
                ScriptFile = "Frontdesk.DevHost.Tests.dll",
                EntryPoint = $"{typeof(RecordingFunction).FullName}.Run",
                Bindings = [new BindingDefinition { Name = "message", Type = "queueTrigger", QueueName = "pumped" }],
            },
            method);
        using var pump = new QueueTriggerPump(entry, _queue, _poison, s_settings, new Frontdesk.Storage.QueueSignals(), services, NullLogger<QueueTriggerPump>.Instance);
        await pump.StartAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        await pump.StopAsync(TestContext.Current.CancellationToken);
        Assert.True(done(), "the pump did not get there within a minute");
    }
}

/// <summary>A queue function that records its calls and fails a chosen number of times per message.</summary>
public sealed class RecordingFunction(RecordingFunction.Calls calls)
{
    public async Task Run([QueueTrigger("pumped")] string message, long dequeueCount)
    {
        var running = Interlocked.Increment(ref calls.Running);
        calls.MaxConcurrency = Math.Max(calls.MaxConcurrency, running);
        try
        {
            calls.Attempts.Add($"{message}:{dequeueCount}");
            await Task.Delay(50);
            if (dequeueCount <= calls.FailuresBeforeSuccess)
            {
                throw new InvalidOperationException("failing on purpose");
            }

            calls.Succeeded.Add(message);
        }
        finally
        {
            Interlocked.Decrement(ref calls.Running);
        }
    }

    public sealed class Calls
    {
        public int Running;

        public int FailuresBeforeSuccess { get; init; }

        public int MaxConcurrency { get; set; }

        public ConcurrentBag<string> Attempts { get; } = [];

        public ConcurrentBag<string> Succeeded { get; } = [];
    }
}

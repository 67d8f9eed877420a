using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Frontdesk.Core.Telemetry;
using Frontdesk.Functions.Operations;
using Frontdesk.Storage;
using Frontdesk.Testing;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions.Tests.Operations;

/// <summary>
/// The queue depth samples are Debug for consoles but still reach Application Insights, where the workbook and the
/// poison alert read them (customDimensions.EventId 4000, Queue, Depth): the real QueueDepth function on Azurite,
/// logging through the real Application Insights logger configured as Program.cs configures it.
/// </summary>
public sealed class QueueDepthTelemetryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task QueueDepth_IsDebugLocally_AndReachesApplicationInsightsForTheWorkbook()
    {
        var channel = new RecordingChannel();
        var services = new ServiceCollection();
        services.AddSingleton<ITelemetryChannel>(channel);
        services.AddApplicationInsightsTelemetryWorkerService(o => o.ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000001");
        services.AddLogging();
        services.Configure<LoggerFilterOptions>(WorkbookTelemetry.Configure);
        await using var provider = services.BuildServiceProvider();
        var loggers = provider.GetRequiredService<ILoggerFactory>();
        var function = new QueueDepthFunction(new QueueServiceClient(azurite.ConnectionString), loggers.CreateLogger<QueueDepthFunction>());

        await function.Run(new TimerInfo(), TestContext.Current.CancellationToken);
        loggers.CreateLogger("Frontdesk.Other").LogDebug("a debug line elsewhere stays out");
        loggers.CreateLogger("Frontdesk.Other").LogInformation(new EventId(TelemetryEvents.InboundMessage), "an information event gets in");

        var traces = channel.Items.OfType<TraceTelemetry>().ToList();
        var depths = traces.Where(t => t.Properties.TryGetValue("EventId", out var id) && id == TelemetryEvents.QueueDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(StorageNames.Queues.All.Count, depths.Count);
        Assert.All(depths, t => Assert.Equal(SeverityLevel.Verbose, t.SeverityLevel));
        Assert.All(depths, t => Assert.True(t.Properties.ContainsKey("Queue") && t.Properties.ContainsKey("Depth")));
        Assert.Contains(traces, t => t.Message == "an information event gets in");
        Assert.DoesNotContain(traces, t => t.Message == "a debug line elsewhere stays out");
    }

    private sealed class RecordingChannel : ITelemetryChannel
    {
        private readonly ConcurrentQueue<ITelemetry> _items = new();

        public IReadOnlyList<ITelemetry> Items => [.. _items];

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item) => _items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}

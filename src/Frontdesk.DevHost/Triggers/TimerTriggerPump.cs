using Frontdesk.Core.Telemetry;
using Frontdesk.DevHost.Hosting;
using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace Frontdesk.DevHost.Triggers;

/// <summary>Runs a timer-triggered function on its NCRONTAB schedule (six fields, seconds first, UTC), as the host does.</summary>
public sealed partial class TimerTriggerPump(
    FunctionEntry function,
    IServiceProvider services,
    TimeProvider time,
    ILogger<TimerTriggerPump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        FunctionInvoker.EnsureSupported(function, FunctionInvoker.Has<TimerTriggerAttribute>, new HashSet<string>());
        var trigger = function.Definition.Trigger;
        var schedule = CrontabSchedule.Parse(trigger.Schedule ?? throw new InvalidOperationException($"Function {function.Definition.Name} has no schedule."), new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        Log.Scheduled(logger, function.Definition.Name, trigger.Schedule ?? "");
        if (trigger.RunOnStartup)
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.GetNextOccurrence(now);
            await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            using var scope = services.CreateScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, _ => new TimerInfo(), stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // The host logs a failed timer run and waits for the next occurrence; so does DevHost.
            Log.Failed(logger, function.Definition.Name, e);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.DevHostTimerScheduled, LogLevel.Information, "{Function}: scheduled '{Schedule}'")]
        public static partial void Scheduled(ILogger logger, string function, string schedule);

        [LoggerMessage(TelemetryEvents.DevHostTimerFailed, LogLevel.Error, "{Function}: timer run failed")]
        public static partial void Failed(ILogger logger, string function, Exception exception);
    }
}

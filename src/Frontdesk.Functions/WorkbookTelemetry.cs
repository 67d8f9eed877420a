using Frontdesk.Functions.Operations;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Functions;

/// <summary>
/// What the Application Insights logger must let through for the workbook and the alerts in infra/: every
/// Information event (the SDK's default rule keeps only warnings), and the <c>QueueDepth</c> samples, which are logged
/// at Debug so that consoles (DevHost, <c>func start</c>) stay quiet while Azure still charts and alerts on them.
/// </summary>
public static class WorkbookTelemetry
{
    public const string ApplicationInsightsProvider = "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>The logger category of the queue depth samples (event 4000).</summary>
    public static string QueueDepthCategory { get; } = typeof(QueueDepthFunction).FullName!;

    public static void Configure(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var warningsOnly = options.Rules.FirstOrDefault(rule => rule.ProviderName == ApplicationInsightsProvider && rule.CategoryName is null);
        if (warningsOnly is not null)
        {
            options.Rules.Remove(warningsOnly);
        }

        options.Rules.Add(new LoggerFilterRule(ApplicationInsightsProvider, QueueDepthCategory, LogLevel.Debug, filter: null));
    }
}

using System.Reflection;
using Frontdesk.Core.Telemetry;
using Frontdesk.Storage;

namespace Frontdesk.Infra.Tests;

/// <summary>Application Insights, the workbook operators read and the alerts they get.</summary>
public sealed class MonitoringTests(CompiledInfra infra)
{
    /// <summary>The charted events: those whose summary in TelemetryEvents lists <c>Properties:</c> (the rest are log lines only).</summary>
    public static TheoryData<string, int> TelemetryEventIds() =>
        new(typeof(TelemetryEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int) && TelemetryContract.DocumentedProperties().ContainsKey(f.Name))
            .Select(f => (f.Name, (int)f.GetRawConstantValue()!)));

    [Fact]
    public void AppInsights_LocalAuth_IsDisabledAndWorkspaceBased()
    {
        var properties = infra.Single("Microsoft.Insights/components").Properties!;

        Assert.True(properties["DisableLocalAuth"]?.GetValue<bool>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", properties["WorkspaceResourceId"].Text(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TelemetryEventIds))]
    public void Workbook_EveryTelemetryEvent_IsCharted(string eventName, int eventId)
    {
        var workbook = infra.Single("Microsoft.Insights/workbooks");

        // The workbook JSON is loaded into the module's variables; its queries filter on the event id.
        var content = workbook.Scope.Template["variables"].Text();
        Assert.True(
            content.Contains($"toint(customDimensions.EventId) == {eventId}", StringComparison.Ordinal),
            $"No workbook query reads {eventName} ({eventId}).");
    }

    [Fact]
    public void Workbook_Source_IsTheAppInsightsComponent()
    {
        var workbook = infra.Single("Microsoft.Insights/workbooks");

        Assert.Equal("shared", workbook.Body["kind"]?.GetValue<string>());
        Assert.Contains("Microsoft.Insights/components", workbook.Properties?["sourceId"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void PoisonAlert_Query_WatchesQueueDepthOfPoisonQueues()
    {
        var rule = infra.Single("Microsoft.Insights/scheduledQueryRules");

        var query = rule.Properties?["criteria"]?["allOf"]?[0]?["query"]?.GetValue<string>() ?? "";
        Assert.Contains($"== {TelemetryEvents.QueueDepth}", query, StringComparison.Ordinal);
        Assert.Contains($"endswith '{StorageNames.Queues.PoisonSuffix}'", query, StringComparison.Ordinal);
        Assert.Equal(0, rule.Properties?["criteria"]?["allOf"]?[0]?["threshold"]?.GetValue<int>());
    }

    [Fact]
    public void ServerErrorAlert_Metric_IsHttp5xxOfTheFunctionApp()
    {
        var alert = infra.Single("Microsoft.Insights/metricAlerts");

        Assert.Equal("Http5xx", alert.Properties?["criteria"]?["allOf"]?[0]?["metricName"]?.GetValue<string>());
        Assert.Contains("functionApp", alert.Properties?["scopes"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_BothRules_NotifyTheActionGroupWhoseEmailIsAParameter()
    {
        var group = infra.Single("Microsoft.Insights/actionGroups");
        var rules = infra.ResourcesOfType("Microsoft.Insights/scheduledQueryRules")
            .Concat(infra.ResourcesOfType("Microsoft.Insights/metricAlerts"))
            .ToList();

        var emailSource = group.Scope.ParametersMentionedBy(group.Body["properties"]?["emailReceivers"]).Where(p => p.Scope == infra.Main);
        Assert.Contains(emailSource, p => p.Name == "alertEmail");
        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Contains("Microsoft.Insights/actionGroups", r.Body["properties"]?["actions"].Text(), StringComparison.Ordinal));
    }
}

using System.Text.RegularExpressions;
using Frontdesk.Core.Telemetry;

namespace Frontdesk.Infra.Tests;

/// <summary>The workbook and the poison alert read only what the app logs, under the names it logs them.</summary>
public sealed partial class TelemetryContractTests(CompiledInfra infra)
{
    [Fact]
    public void DocumentedProperties_EveryTelemetryEvent_IsDocumented()
    {
        var documented = TelemetryContract.DocumentedProperties();

        var constants = typeof(TelemetryEvents).GetFields().Where(f => f.IsLiteral).Select(f => f.Name);
        Assert.All(constants, name => Assert.True(documented.ContainsKey(name), $"{name} has no 'Properties:' in {TelemetryContract.EventsFile}."));
    }

    [Fact]
    public void Queries_CustomDimensions_AreDocumentedEventProperties()
    {
        var documented = TelemetryContract.DocumentedProperties().Values.SelectMany(p => p).Append("EventId").ToHashSet(StringComparer.Ordinal);
        var queries = infra.Single("Microsoft.Insights/workbooks").Scope.Template["variables"].Text()
            + infra.Single("Microsoft.Insights/scheduledQueryRules").Properties.Text();

        var read = CustomDimension().Matches(queries).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.Contains(name, documented));
    }

    [Fact]
    public void LoggerMessages_TelemetryEvent_CarriesEveryDocumentedProperty()
    {
        var documented = TelemetryContract.DocumentedProperties();

        // Empty until the code logs these events; from then on, a renamed placeholder breaks the workbook and fails here.
        Assert.All(TelemetryContract.LoggedEvents(), logged =>
        {
            var placeholders = TelemetryContract.Placeholders(logged.Template);
            Assert.True(documented.ContainsKey(logged.Event), $"{logged.File}: {logged.Event} is not a documented event.");
            Assert.All(documented[logged.Event], property => Assert.True(
                placeholders.Contains(property),
                $"{logged.File}: the {logged.Event} message \"{logged.Template}\" has no {{{property}}}."));
        });
    }

    [Theory]
    [InlineData("Webhook accepted: {Bytes} bytes in {Pieces} piece(s) after {ElapsedMs:F1} ms", "Bytes,ElapsedMs,Pieces")]
    [InlineData("no placeholders", "")]
    public void Placeholders_Template_AreNamed(string template, string expected)
    {
        var names = TelemetryContract.Placeholders(template).Order(StringComparer.Ordinal);

        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), names);
    }

    [GeneratedRegex(@"customDimensions\.(?<name>\w+)")]
    private static partial Regex CustomDimension();
}

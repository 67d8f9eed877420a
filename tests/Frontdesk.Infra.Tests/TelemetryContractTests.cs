using System.Globalization;
using System.Text.RegularExpressions;
using Frontdesk.Core.Telemetry;

namespace Frontdesk.Infra.Tests;

/// <summary>The workbook and the poison alert read only what the app logs, under the names it logs them.</summary>
public sealed partial class TelemetryContractTests(CompiledInfra infra)
{
    [Fact]
    public void Queries_EventIds_AreRegisteredAndDocumentedEvents()
    {
        var registered = typeof(TelemetryEvents).GetFields().Where(f => f.IsLiteral).ToDictionary(f => (int)f.GetRawConstantValue()!, f => f.Name);
        var documented = TelemetryContract.DocumentedProperties();

        var ids = EventIdFilter().Matches(Queries()).Select(m => int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture)).Distinct().ToList();

        Assert.NotEmpty(ids);
        Assert.All(ids, id =>
        {
            Assert.True(registered.TryGetValue(id, out var name), $"A query reads EventId {id}, which is not in {TelemetryContract.EventsFile}.");
            Assert.True(documented.ContainsKey(name), $"A query reads {name} ({id}), which has no 'Properties:' in {TelemetryContract.EventsFile}.");
        });
    }

    [Fact]
    public void WorkbookTitles_NameAndId_MatchTheRegistry()
    {
        var registered = typeof(TelemetryEvents).GetFields().Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

        var named = NamedEvent().Matches(Queries()).Select(m => (Name: m.Groups["name"].Value, Id: int.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture))).Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, e => Assert.True(
            registered.TryGetValue(e.Name, out var id) && id == e.Id,
            $"The workbook says ({e.Name}, {e.Id}); {TelemetryContract.EventsFile} says {(registered.TryGetValue(e.Name, out var actual) ? actual.ToString(CultureInfo.InvariantCulture) : "no such event")}."));
    }

    [Fact]
    public void Queries_CustomDimensions_AreDocumentedEventProperties()
    {
        var documented = TelemetryContract.DocumentedProperties().Values.SelectMany(p => p).Append("EventId").ToHashSet(StringComparer.Ordinal);
        var read = CustomDimension().Matches(Queries()).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.Contains(name, documented));
    }

    [Fact]
    public void LoggerMessages_TelemetryEvent_CarriesEveryDocumentedProperty()
    {
        var documented = TelemetryContract.DocumentedProperties();

        // A renamed placeholder of a charted event breaks the workbook and fails here; other events are free text.
        var charted = TelemetryContract.LoggedEvents().Where(logged => documented.ContainsKey(logged.Event)).ToList();
        Assert.NotEmpty(charted);
        Assert.All(charted, logged =>
        {
            var placeholders = TelemetryContract.Placeholders(logged.Template);
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

    /// <summary>The workbook's queries and texts, and the alert rules' queries.</summary>
    private string Queries() =>
        infra.Single("Microsoft.Insights/workbooks").Scope.Template["variables"].Text()
        + infra.Single("Microsoft.Insights/scheduledQueryRules").Properties.Text();

    [GeneratedRegex(@"customDimensions\.EventId\)\s*==\s*(?<id>\d+)")]
    private static partial Regex EventIdFilter();

    /// <summary>"(ReplySent, 3000)" in a title or text.</summary>
    [GeneratedRegex(@"\((?<name>[A-Z]\w+), (?<id>\d{4})\)")]
    private static partial Regex NamedEvent();

    [GeneratedRegex(@"customDimensions\.(?<name>\w+)")]
    private static partial Regex CustomDimension();
}

using System.Reflection;
using Frontdesk.Core.Telemetry;
using Frontdesk.Functions;
using Frontdesk.Storage;
using Microsoft.Extensions.Logging;

namespace Frontdesk.DevHost.Tests;

/// <summary>
/// Every [LoggerMessage] in src/ takes its event id from <see cref="TelemetryEvents"/>, and one id means one event.
/// It lives here because this test project is the one that loads every src/ assembly.
/// </summary>
public sealed class LogEventIdTests
{
    /// <summary>Ids logged from more than one place on purpose, with the reason.</summary>
    private static readonly Dictionary<int, string> Shared = new()
    {
        // The workbook counts both kinds of failure together: refused at send time, or reported failed by a status webhook.
        [TelemetryEvents.SendFailed] = "sender and status store",
        // One failure event whichever host runs the function: the Functions host's middleware, or DevHost's endpoints.
        [TelemetryEvents.HttpFailed] = "Functions middleware and DevHost endpoints",
    };

    private static readonly Assembly[] SourceAssemblies =
    [
        typeof(TelemetryEvents).Assembly,
        typeof(StorageNames).Assembly,
        typeof(FunctionsRegistration).Assembly,
        typeof(DevHostApplication).Assembly,
    ];

    private static IReadOnlyDictionary<string, int> Registry() =>
        typeof(TelemetryEvents).GetFields().Where(f => f.IsLiteral).ToDictionary(f => f.Name, f => (int)f.GetRawConstantValue()!);

    private static List<(string Method, int Id)> LoggerMessages() =>
        SourceAssemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => ($"{m.Method.DeclaringType!.FullName}.{m.Method.Name}", m.Attribute!.EventId))
            .ToList();

    [Fact]
    public void Registry_EveryId_IsUnique()
    {
        var registry = Registry();

        var reused = registry.GroupBy(e => e.Value).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(e => e.Key))}");

        Assert.True(registry.Count > 40, $"Expected the whole registry, found {registry.Count} events.");
        Assert.Empty(reused);
    }

    [Fact]
    public void LoggerMessages_EveryId_IsRegistered()
    {
        var registered = Registry().Values.ToHashSet();

        var messages = LoggerMessages();

        Assert.True(messages.Count > 40, $"Expected every [LoggerMessage] in src/, found {messages.Count}.");
        Assert.All(messages, m => Assert.True(registered.Contains(m.Id), $"{m.Method} logs event id {m.Id}, which is not in TelemetryEvents."));
    }

    [Fact]
    public void LoggerMessages_OneIdPerPlace_UnlessSharedOnPurpose()
    {
        var reused = LoggerMessages().GroupBy(m => m.Id).Where(g => g.Count() > 1 && !Shared.ContainsKey(g.Key))
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Method))}");

        Assert.Empty(reused);
    }

    [Fact]
    public void Registry_EveryId_IsLogged()
    {
        var logged = LoggerMessages().Select(m => m.Id).ToHashSet();

        var unused = Registry().Where(e => !logged.Contains(e.Value)).Select(e => e.Key);

        Assert.Empty(unused);
    }
}

using System.Text.Json.Nodes;

namespace Frontdesk.Infra.Tests;

/// <summary>
/// The bindings the Worker SDK wrote to functions.metadata when it built Frontdesk.Functions (copied next to the tests
/// through the project reference): the code's own list of HTTP routes and trigger connections.
/// </summary>
public static class FunctionsMetadata
{
    public static IReadOnlyList<JsonObject> Bindings() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray()
            .SelectMany(function => function!["bindings"]!.AsArray())
            .OfType<JsonObject>()
            .ToList();

    public static IReadOnlyList<JsonObject> HttpTriggers() =>
        Bindings().Where(b => b["type"]?.GetValue<string>() == "httpTrigger").ToList();

    /// <summary>Every storage connection a binding names; a binding without one uses AzureWebJobsStorage.</summary>
    public static IReadOnlyList<string> StorageConnections() =>
        Bindings()
            .Where(b => b["type"]?.GetValue<string>() is { } type && (type.StartsWith("queue", StringComparison.Ordinal) || type.StartsWith("blob", StringComparison.Ordinal)))
            .Select(b => b["connection"]?.GetValue<string>() is { Length: > 0 } connection ? connection : "AzureWebJobsStorage")
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

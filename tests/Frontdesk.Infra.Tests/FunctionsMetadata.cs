using System.Text.Json.Nodes;

namespace Frontdesk.Infra.Tests;

/// <summary>
/// The bindings the Worker SDK wrote to functions.metadata when it built Frontdesk.Functions (copied next to the tests
/// through the project reference): the code's own list of HTTP routes and trigger connections.
/// </summary>
public static class FunctionsMetadata
{
    public static IReadOnlyList<JsonObject> Functions() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray()
            .OfType<JsonObject>()
            .ToList();

    public static IReadOnlyList<JsonObject> Bindings() =>
        Functions().SelectMany(function => function["bindings"]!.AsArray()).OfType<JsonObject>().ToList();

    /// <summary>The function Meta calls: <c>[Function("Webhook")]</c> in Frontdesk.Functions.</summary>
    public const string WebhookFunction = "Webhook";

    public static IReadOnlyList<JsonObject> HttpTriggers(string functionName) =>
        Functions()
            .Where(function => function["name"]?.GetValue<string>() == functionName)
            .SelectMany(function => function["bindings"]!.AsArray().OfType<JsonObject>())
            .Where(b => b["type"]?.GetValue<string>() == "httpTrigger")
            .ToList();

    /// <summary>Every storage connection a binding names; a binding without one uses AzureWebJobsStorage.</summary>
    public static IReadOnlyList<string> StorageConnections() =>
        Bindings()
            .Where(b => b["type"]?.GetValue<string>() is { } type && (type.StartsWith("queue", StringComparison.Ordinal) || type.StartsWith("blob", StringComparison.Ordinal)))
            .Select(b => b["connection"]?.GetValue<string>() is { Length: > 0 } connection ? connection : "AzureWebJobsStorage")
            .Distinct(StringComparer.Ordinal)
            .ToList();
}

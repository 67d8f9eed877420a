using System.Text.Json.Serialization;

namespace Frontdesk.DevHost.Hosting;

/// <summary>One binding of a function, as <c>functions.metadata</c> describes it.</summary>
public sealed record BindingDefinition
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("type")]
    public required string Type { get; init; }

    [JsonPropertyName("direction")]
    public string Direction { get; init; } = "In";

    [JsonPropertyName("authLevel")]
    public string? AuthLevel { get; init; }

    [JsonPropertyName("methods")]
    public IReadOnlyList<string>? Methods { get; init; }

    [JsonPropertyName("route")]
    public string? Route { get; init; }

    [JsonPropertyName("queueName")]
    public string? QueueName { get; init; }

    [JsonPropertyName("connection")]
    public string? Connection { get; init; }

    [JsonPropertyName("schedule")]
    public string? Schedule { get; init; }

    [JsonPropertyName("runOnStartup")]
    public bool RunOnStartup { get; init; }
}

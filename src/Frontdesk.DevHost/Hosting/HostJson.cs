using System.Text.Json;
using System.Text.Json.Serialization;

namespace Frontdesk.DevHost.Hosting;

/// <summary>The parts of <c>host.json</c> DevHost honours: the HTTP route prefix and the queue trigger settings.</summary>
public sealed record HostJson
{
    [JsonPropertyName("extensions")]
    public HostExtensions Extensions { get; init; } = new();

    public static HostJson Load(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize(File.ReadAllText(path), FunctionMetadataJson.Default.HostJson) ?? new HostJson()
            : new HostJson();
}

public sealed record HostExtensions
{
    [JsonPropertyName("http")]
    public HttpSettings Http { get; init; } = new();

    [JsonPropertyName("queues")]
    public QueueSettings Queues { get; init; } = new();
}

public sealed record HttpSettings
{
    [JsonPropertyName("routePrefix")]
    public string RoutePrefix { get; init; } = "api";
}

/// <summary>The Storage Queues extension's settings with its defaults (extension 5.x).</summary>
public sealed record QueueSettings
{
    [JsonPropertyName("maxPollingInterval")]
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    [JsonPropertyName("visibilityTimeout")]
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    [JsonPropertyName("batchSize")]
    public int BatchSize { get; init; } = 16;

    [JsonPropertyName("newBatchThreshold")]
    public int? NewBatchThreshold { get; init; }

    [JsonPropertyName("maxDequeueCount")]
    public int MaxDequeueCount { get; init; } = 5;

    [JsonPropertyName("messageEncoding")]
    public string MessageEncoding { get; init; } = "base64";
}

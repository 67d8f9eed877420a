using System.Text.Json.Serialization;

namespace Frontdesk.DevHost.Hosting;

/// <summary>One entry of the build's <c>functions.metadata</c>: what Azure reads to wire a function.</summary>
public sealed record FunctionDefinition
{
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("scriptFile")]
    public required string ScriptFile { get; init; }

    /// <summary><c>Namespace.Class.Method</c>.</summary>
    [JsonPropertyName("entryPoint")]
    public required string EntryPoint { get; init; }

    [JsonPropertyName("bindings")]
    public IReadOnlyList<BindingDefinition> Bindings { get; init; } = [];

    public BindingDefinition Trigger =>
        Bindings.SingleOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Function '{Name}' has no trigger binding in functions.metadata.");
}

using System.Text.Json.Serialization;

namespace Frontdesk.Functions.Broadcasts;

/// <summary>Source-generated JSON for the broadcast endpoints (camelCase; answers as readable UTF-8).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(BroadcastStartRequest))]
[JsonSerializable(typeof(BroadcastView))]
internal sealed partial class BroadcastJsonContext : JsonSerializerContext
{
    /// <summary>For the answers operators read: "Menu de Noël" as UTF-8, not <c>\u00EB</c>.</summary>
    public static BroadcastJsonContext Readable => s_readable ??= new(Core.Text.ReadableJson.Options(Default.Options));

    private static BroadcastJsonContext? s_readable;
}

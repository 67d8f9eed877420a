using System.Text.Json.Serialization;
using Frontdesk.Core.Broadcasts;

namespace Frontdesk.Storage.Broadcasts;

/// <summary>The broadcast-fanout queue's messages and the Parameters column (JSON).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(FanoutMessage))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class BroadcastJsonContext : JsonSerializerContext;

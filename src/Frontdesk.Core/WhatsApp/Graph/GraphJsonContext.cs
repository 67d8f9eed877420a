using System.Text.Json.Serialization;
using Frontdesk.Core.WhatsApp.Graph.Wire;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>Source-generated JSON for the Graph API bodies (the records in Wire/, field for field): snake_case, nulls left out as Meta's examples do.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GraphMessageRequest))]
[JsonSerializable(typeof(GraphMarkReadRequest))]
[JsonSerializable(typeof(GraphSendResponse))]
[JsonSerializable(typeof(GraphErrorResponse))]
[JsonSerializable(typeof(GraphConversationalAutomation))]
[JsonSerializable(typeof(GraphTemplateList))]
internal sealed partial class GraphJsonContext : JsonSerializerContext;

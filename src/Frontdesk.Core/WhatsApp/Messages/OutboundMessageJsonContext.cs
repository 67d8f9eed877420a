using System.Text.Json.Serialization;

namespace Frontdesk.Core.WhatsApp.Messages;

/// <summary>The <c>outbound-messages</c> queue payload, serialised without reflection by producers and the sender.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(OutboundMessage))]
public sealed partial class OutboundMessageJsonContext : JsonSerializerContext;

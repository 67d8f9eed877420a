using System.Text.Json.Serialization;

namespace Frontdesk.Core.Outreach;

/// <summary>The <c>outreach-messages</c> queue payload, serialised without reflection (a free-form body keeps its <c>$type</c>).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(OutreachMessage))]
public sealed partial class OutreachMessageJsonContext : JsonSerializerContext;

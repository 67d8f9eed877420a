using System.Text.Json.Serialization;

namespace Frontdesk.Functions.Admin;

/// <summary>Source-generated JSON for the admin endpoints (camelCase, as operators' tools expect).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(ValidateResponse))]
[JsonSerializable(typeof(ExplainRequest))]
[JsonSerializable(typeof(ExplainResponse))]
[JsonSerializable(typeof(ComponentsPublishResponse))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;

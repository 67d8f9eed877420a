using System.Text.Json.Serialization;

namespace Frontdesk.Functions.PhoneConsole;

/// <summary>Source-generated JSON for the console's endpoints (camelCase, nulls left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsoleSendRequest))]
[JsonSerializable(typeof(ConsoleSendResponse))]
[JsonSerializable(typeof(ConsoleConversationResponse))]
internal sealed partial class ConsoleApiJsonContext : JsonSerializerContext;

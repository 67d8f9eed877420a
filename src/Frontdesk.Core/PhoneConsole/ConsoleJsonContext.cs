using System.Text.Json.Serialization;

namespace Frontdesk.Core.PhoneConsole;

/// <summary>The console's stored copy of what the customer sent, serialised without reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsoleMessage))]
public sealed partial class ConsoleJsonContext : JsonSerializerContext;

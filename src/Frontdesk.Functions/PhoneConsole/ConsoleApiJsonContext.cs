using System.Text.Encodings.Web;
using System.Text.Json;
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
internal sealed partial class ConsoleApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Writes "€1.30" and "feuilleté" as themselves, not as \u escapes, for people reading the JSON. Served as
    /// application/json with nosniff and parsed with JSON.parse, so '&lt;' needs no escaping either.
    /// </summary>
    public static ConsoleApiJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

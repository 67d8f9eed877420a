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
[JsonSerializable(typeof(TemplatesSyncResponse))]
internal sealed partial class AdminJsonContext : JsonSerializerContext
{
    /// <summary>For the answers operators read: accents and apostrophes as UTF-8, not <c>\u00E9</c> / <c>\u0027</c> escapes.</summary>
    public static AdminJsonContext Readable => s_readable ??= new(Frontdesk.Core.Text.ReadableJson.Options(Default.Options));

    private static AdminJsonContext? s_readable;
}

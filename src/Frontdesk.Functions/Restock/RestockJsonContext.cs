using System.Text.Json.Serialization;

namespace Frontdesk.Functions.Restock;

/// <summary>Source-generated JSON for <c>manage/subscriptions</c> (camelCase, indented, readable UTF-8).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SubscriptionsResponse))]
internal sealed partial class RestockJsonContext : JsonSerializerContext
{
    /// <summary>Names and products as UTF-8, not <c>\u00E9</c> escapes.</summary>
    public static RestockJsonContext Readable => s_readable ??= new(Frontdesk.Core.Text.ReadableJson.Options(Default.Options));

    private static RestockJsonContext? s_readable;
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Frontdesk.Functions.Admin;

/// <summary>JSON results written through the source-generated context (no reflection-based serializer).</summary>
internal static class AdminResults
{
    public static ContentResult Json<T>(T value, JsonTypeInfo<T> typeInfo, int status = StatusCodes.Status200OK) => new()
    {
        Content = JsonSerializer.Serialize(value, typeInfo),
        ContentType = "application/json; charset=utf-8",
        StatusCode = status,
    };

    /// <summary>Meta's answer as JSON to embed in a report, when it is JSON; null when it is empty or not JSON.</summary>
    public static JsonElement? AsJson(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Frontdesk.Core.Text;

/// <summary>
/// JSON that people read (the printed replies, <c>explain</c>, <c>validate</c>, the import report, error bodies) as
/// plain UTF-8: "Éclair à 3,20 €" and "l'adresse" stay as typed instead of <c>\u00C9clair \u00E0 3,20 \u20AC</c> and
/// <c>l\u0027adresse</c>. Only what JSON itself requires is escaped (quotes, backslash, control characters). The
/// relaxed encoder is meant for JSON served as JSON, never pasted into HTML. The Graph API request body is not made
/// here: it keeps its own, unchanged serialization byte for byte.
/// </summary>
public static class ReadableJson
{
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>A copy of <paramref name="options"/> (e.g. a source-generated context's) that writes readable UTF-8.</summary>
    public static JsonSerializerOptions Options(JsonSerializerOptions options) => new(options) { Encoder = Encoder };

    /// <summary>The same JSON value, written readably (for logs); text that is not JSON is returned as it is.</summary>
    public static string Reformat(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(s_compact) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions s_compact = new() { Encoder = Encoder };
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Frontdesk.Infra.Tests;

/// <summary>JSON as text for substring checks: ARM expressions keep their quotes (the default escapes ' as \u0027).</summary>
public static class JsonText
{
    private static readonly JsonSerializerOptions s_unescaped = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(this JsonNode? node) => node?.ToJsonString(s_unescaped) ?? "";
}

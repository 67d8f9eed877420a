using System.Globalization;
using System.Text.Json.Nodes;

namespace Frontdesk.Testing;

/// <summary>A scripted answer for one call to <see cref="FakeGraphServer"/>; null Body means "answer like Meta's success".</summary>
public sealed record FakeGraphResponse(int Status = 200, string? Body = null, TimeSpan Delay = default, TimeSpan? RetryAfter = null)
{
    /// <summary>Meta's error envelope with <paramref name="code"/> (e.g. 131047, 130429), as the Graph API sends it.</summary>
    public static FakeGraphResponse Error(int code, int status = 400, string? message = null, string? details = null) =>
        new(status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = $"(#{code.ToString(CultureInfo.InvariantCulture)}) {message ?? "Fake error"}",
                ["type"] = "OAuthException",
                ["code"] = code,
                ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details ?? "Injected by FakeGraphServer" },
                ["fbtrace_id"] = "FAKE_TRACE",
            },
        }.ToJsonString());

    /// <summary>A bare 5xx without Meta's body (a gateway failing).</summary>
    public static FakeGraphResponse ServerError(int status = 503) => new(status, "");

    /// <summary>A success answered only after <paramref name="delay"/> (to make a client time out).</summary>
    public static FakeGraphResponse Slow(TimeSpan delay) => new(Delay: delay);
}

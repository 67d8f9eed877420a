using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Frontdesk.Core.Webhooks;
using Frontdesk.Testing;

namespace Frontdesk.DevHost.Tests.Hostile;

/// <summary>Builders for the suite's requests: signed or not, keyed or not, with bodies of any shape.</summary>
internal static class HostileRequests
{
    public const string Number = WebhookBuilder.PhoneNumberId;

    private static readonly DateTimeOffset s_at = new(2026, 11, 25, 9, 58, 0, TimeSpan.Zero);

    public static HttpRequestMessage Webhook(byte[] body, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhook") { Content = Json(body) };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }

        return request;
    }

    public static HttpRequestMessage Signed(byte[] body) => Webhook(body, WebhookSignature.Sign(body, DevHostRun.AppSecret));

    public static HttpRequestMessage Signed(string body) => Signed(Encoding.UTF8.GetBytes(body));

    /// <summary>A signed text message with the given ids (any of them hostile).</summary>
    public static HttpRequestMessage SignedText(string phoneNumberId = Number, string? from = null, string? id = null, string text = "hello") =>
        Signed(WebhookBuilder.Text(from ?? "33699999999", id ?? $"wamid.hostile-{Guid.NewGuid():N}", text, s_at, phoneNumberId: phoneNumberId));

    /// <summary>A signed status update with the given ids.</summary>
    public static HttpRequestMessage SignedStatus(string phoneNumberId = Number, string id = "wamid.OUT1", string recipient = "33699999999")
    {
        var status = new JsonObject { ["id"] = id, ["status"] = "delivered", ["timestamp"] = "1764064680", ["recipient_id"] = recipient };
        var value = new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["metadata"] = new JsonObject { ["display_phone_number"] = "15550100001", ["phone_number_id"] = phoneNumberId },
            ["statuses"] = new JsonArray(status),
        };
        return Signed(Envelope(value));
    }

    public static string Envelope(JsonNode value) => new JsonObject
    {
        ["object"] = "whatsapp_business_account",
        ["entry"] = new JsonArray(new JsonObject
        {
            ["id"] = "100000000000001",
            ["changes"] = new JsonArray(new JsonObject { ["value"] = value, ["field"] = "messages" }),
        }),
    }.ToJsonString();

    public static HttpRequestMessage Get(string path, bool key = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key)
        {
            request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);
        }

        return request;
    }

    public static HttpRequestMessage Post(string path, byte[] body, string contentType = "application/json", bool key = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (key)
        {
            request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);
        }

        return request;
    }

    public static HttpRequestMessage Explain(string json, bool key = true) => Post("/api/manage/explain", Encoding.UTF8.GetBytes(json), key: key);

    public static HttpRequestMessage ConsoleSend(string json, bool key = true) => Post("/api/manage/console/send", Encoding.UTF8.GetBytes(json), key: key);

    public static HttpRequestMessage Publish(string query, bool key = true) => Post("/api/manage/components/publish" + query, [], key: key);

    public static HttpRequestMessage SyncTemplates(string query, bool key = true) => Post("/api/manage/templates/sync" + query, [], key: key);

    public static HttpRequestMessage Import(string query, string csv, bool key = true) =>
        Post("/api/manage/catalogue/import" + query, Encoding.UTF8.GetBytes(csv), "text/csv", key);

    /// <summary>A body sent in chunks with no Content-Length, so only reading it can find it too large.</summary>
    public static HttpRequestMessage Chunked(string path, int bytes, bool sign)
    {
        var body = new byte[bytes];
        var content = new StreamContent(new NonSeekableStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        if (sign)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, DevHostRun.AppSecret));
        }

        request.Headers.Add("x-functions-key", DevHostRun.FunctionKey);
        return request;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A stream whose length is unknown to HttpClient, so it cannot send a Content-Length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;
    }
}

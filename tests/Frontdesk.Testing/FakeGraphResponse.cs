using System.Globalization;
using System.Text.Json.Nodes;

namespace Frontdesk.Testing;

/// <summary>
/// A scripted answer for one call to <see cref="FakeGraphServer"/>; null Body means "answer like Meta's success".
/// <see cref="Drop"/> closes the connection instead of answering, before or after Meta "accepted" the message.
/// </summary>
public sealed record FakeGraphResponse(int Status = 200, string? Body = null, TimeSpan Delay = default, TimeSpan? RetryAfter = null)
{
    /// <summary>Whether the connection is dropped, and when; <see cref="FakeGraphDrop.None"/> answers normally.</summary>
    public FakeGraphDrop Drop { get; init; }

    /// <summary>
    /// When set on a success, Meta accepts the send (200, a wamid) and its status webhook later says <c>failed</c> with
    /// this error code (e.g. 131049, 131026), instead of sent/delivered/read.
    /// </summary>
    public int? StatusFailureCode { get; init; }

    /// <summary>True when the answer accepts the message (a 2xx, or a drop after accepting).</summary>
    public bool Accepts => Drop == FakeGraphDrop.AfterAccepting || (Drop == FakeGraphDrop.None && (Body is null || Status is >= 200 and < 300));

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

    /// <summary>Meta's throughput limit (130429 "Rate limit hit"), optionally with a <c>Retry-After</c> header.</summary>
    public static FakeGraphResponse Throttle(TimeSpan? retryAfter = null) =>
        Error(130429, message: "Rate limit hit", details: "Cloud API message throughput has been reached.") with { RetryAfter = retryAfter };

    /// <summary>Meta's pair rate limit (131056: too many messages to the same recipient in a short time).</summary>
    public static FakeGraphResponse PairPacing() =>
        Error(131056, message: "(Business Account, Consumer Account) pair rate limit hit", details: "Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.");

    /// <summary>A bare 5xx without Meta's body (a gateway failing).</summary>
    public static FakeGraphResponse ServerError(int status = 503) => new(status, "");

    /// <summary>A success answered only after <paramref name="delay"/> (to make a client time out).</summary>
    public static FakeGraphResponse Slow(TimeSpan delay) => new(Delay: delay);

    /// <summary>The connection is closed as soon as the request is read: Meta never got the message.</summary>
    public static FakeGraphResponse DropBeforeHandling() => new() { Drop = FakeGraphDrop.BeforeHandling };

    /// <summary>Meta accepts the message (it is delivered and its statuses are posted) but the caller never gets the answer.</summary>
    public static FakeGraphResponse DropAfterAccepting() => new() { Drop = FakeGraphDrop.AfterAccepting };

    /// <summary>Accepted (200, a wamid), then a <c>failed</c> status webhook with <paramref name="code"/>.</summary>
    public static FakeGraphResponse AcceptThenFail(int code) => new() { StatusFailureCode = code };
}

/// <summary>How <see cref="FakeGraphServer"/> closes a connection instead of answering.</summary>
public enum FakeGraphDrop
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Closed after reading the request, before handling it: nothing is accepted.</summary>
    BeforeHandling,

    /// <summary>Closed after accepting the message: the customer gets it, the caller gets no answer.</summary>
    AfterAccepting,
}

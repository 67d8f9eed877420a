namespace Frontdesk.Testing;

/// <summary>
/// Where and how <see cref="FakeGraphServer"/> posts status webhooks back, as Meta does for every accepted message:
/// <c>sent</c>, then optionally <c>delivered</c> and <c>read</c> (or <c>failed</c> with an error code on demand), each
/// carrying the send's <c>biz_opaque_callback_data</c>, the recipient and the wamid it answered, signed with
/// <c>X-Hub-Signature-256</c> from <see cref="AppSecret"/>. A POST that fails or is not answered 200 is retried with
/// a growing delay (Meta retries for days) until <see cref="GiveUpAfter"/>.
/// </summary>
/// <param name="Url">The webhook, e.g. <c>http://127.0.0.1:7071/api/webhook</c>.</param>
/// <param name="AppSecret">The app secret the webhook verifies signatures with.</param>
public sealed record FakeGraphStatusWebhooks(Uri Url, string AppSecret)
{
    /// <summary>Post <c>delivered</c> after <c>sent</c>.</summary>
    public bool Delivered { get; init; } = true;

    /// <summary>Post <c>read</c> after <c>delivered</c>.</summary>
    public bool Read { get; init; }

    /// <summary>From acceptance to the <c>sent</c> (or <c>failed</c>) status.</summary>
    public TimeSpan SentDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Between sent and delivered, and between delivered and read.</summary>
    public TimeSpan StepDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How many times each body is posted (Meta delivers duplicates); 2 posts every body twice.</summary>
    public int Copies { get; init; } = 1;

    /// <summary>How long an undelivered status keeps being retried.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Status POSTs in flight at once.</summary>
    public int MaxConcurrentPosts { get; init; } = 8;

    public string DisplayPhoneNumber { get; init; } = "15550100001";

    public string BusinessAccountId { get; init; } = "100000000000001";
}

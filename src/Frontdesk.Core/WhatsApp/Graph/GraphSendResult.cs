using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Core.WhatsApp.Graph;

/// <summary>The result of one send attempt, classified once by <see cref="GraphErrorClassifier"/>.</summary>
public sealed record GraphSendResult
{
    public required SendOutcome Outcome { get; init; }

    /// <summary>The wamid Meta returned (<c>messages[0].id</c>); null for mark-as-read and failures.</summary>
    public string? WamId { get; init; }

    /// <summary>Meta's error (code, message without the "(#code)" prefix as Title, full message, details), when it sent one.</summary>
    public WhatsAppError? Error { get; init; }

    public int? HttpStatus { get; init; }

    public string? FbTraceId { get; init; }

    /// <summary>The Retry-After header, when Meta sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>One line for logs and the ledger: why it failed, in words.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// True when no access token is set and the message was printed to the log instead of sent: settled like an
    /// acceptance (the ledger records it, a duplicate is not printed twice), but never logged or charted as sent.
    /// </summary>
    public bool PrintedOnly { get; init; }

    public bool ShouldRetry => Outcome is SendOutcome.Throttled or SendOutcome.Transient;

    public static GraphSendResult Accepted(string? wamId) => new() { Outcome = SendOutcome.Accepted, WamId = wamId };

    public static GraphSendResult Printed(string? wamId) => new() { Outcome = SendOutcome.Accepted, WamId = wamId, PrintedOnly = true };

    public static GraphSendResult LocalFailure(string reason) =>
        new() { Outcome = SendOutcome.Permanent, Reason = "not sent: " + reason };
}

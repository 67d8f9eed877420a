using Frontdesk.Core.Conversations;

namespace Frontdesk.Functions.Admin;

/// <summary>The body of <c>POST /api/manage/explain</c>: what would be sent, why, and the contact afterwards.</summary>
public sealed record ExplainResponse(
    string PhoneNumberId,
    string From,
    DateTimeOffset At,
    bool Open,
    bool KnownContact,
    IReadOnlyList<ExplainedReply> Replies,
    IReadOnlyList<DecisionStep> Steps,
    ExplainedContact ContactAfter,
    IReadOnlyList<ProblemResponse> Problems)
{
    /// <summary>The customer's 24-hour window at <see cref="At"/>, before this message (which would open it again).</summary>
    public required ExplainedWindow Window { get; init; }
}

/// <summary>
/// Whether a business-initiated message to the customer would go free-form (<see cref="Open"/>) or as a template,
/// and when the window closes (or closed); null <see cref="ClosesAt"/>: the customer never wrote.
/// </summary>
public sealed record ExplainedWindow(bool Open, DateTimeOffset? ClosesAt, string Says);

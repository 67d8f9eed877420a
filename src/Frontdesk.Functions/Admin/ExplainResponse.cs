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
    IReadOnlyList<ProblemResponse> Problems);

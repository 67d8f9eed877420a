using System.Text.Json;

namespace Frontdesk.Functions.Admin;

/// <summary>
/// The answer of <c>POST /api/manage/components/publish</c>: the body sent (Meta's documented shape), whether it was
/// sent, Meta's HTTP status and answer as they came, and the Components problems that left rows out.
/// </summary>
public sealed record ComponentsPublishResponse(
    string PhoneNumberId,
    bool Sent,
    bool Accepted,
    int? MetaStatus,
    JsonElement? MetaAnswer,
    string? MetaAnswerText,
    string? Reason,
    JsonElement Request,
    IReadOnlyList<ProblemResponse> Problems);

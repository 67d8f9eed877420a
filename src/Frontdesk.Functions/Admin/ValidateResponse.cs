namespace Frontdesk.Functions.Admin;

/// <summary>The body of <c>GET /api/manage/validate</c>: every problem in the tables (for one number when asked).</summary>
public sealed record ValidateResponse(string? PhoneNumberId, int Count, IReadOnlyList<ProblemResponse> Problems);

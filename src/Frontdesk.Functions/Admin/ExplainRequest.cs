namespace Frontdesk.Functions.Admin;

/// <summary>
/// The body of <c>POST /api/manage/explain</c>: a message as if <see cref="From"/> had sent it to <see cref="PhoneNumberId"/>.
/// <see cref="ReplyId"/> stands for a tapped button or picked list row (its id); <see cref="At"/> defaults to now.
/// </summary>
public sealed record ExplainRequest(string? PhoneNumberId, string? From, string? Text, string? ReplyId, DateTimeOffset? At, string? Name);

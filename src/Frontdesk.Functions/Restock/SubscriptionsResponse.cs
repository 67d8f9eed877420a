using Frontdesk.Functions.Admin;

namespace Frontdesk.Functions.Restock;

/// <summary>
/// The body of <c>GET /api/manage/subscriptions</c>: one page of a number's subscribers (of one product when asked),
/// with <see cref="Next"/> to pass as <c>after</c> for the next page, and the rows that could not be read.
/// </summary>
public sealed record SubscriptionsResponse(
    string PhoneNumberId,
    string? Sku,
    int Count,
    int Live,
    string? Next,
    IReadOnlyList<SubscriptionView> Subscriptions,
    IReadOnlyList<ProblemResponse> Problems);

/// <summary>One subscriber as operators see it; <see cref="AlertKey"/> is the idempotency key its alert is sent under.</summary>
public sealed record SubscriptionView(
    string Sku,
    string WaId,
    string? Name,
    DateTimeOffset Created,
    DateTimeOffset Expires,
    string State,
    bool Live,
    DateTimeOffset? ClosedAt,
    string AlertKey);

namespace Frontdesk.Functions.Admin;

/// <summary>
/// One problem row of <c>GET /api/manage/validate</c>. A text over one of Meta's limits also names its column, its
/// length and the limit (left out otherwise).
/// </summary>
public sealed record ProblemResponse(string Table, string PartitionKey, string RowKey, string Problem, string? Column = null, int? Length = null, int? Limit = null);

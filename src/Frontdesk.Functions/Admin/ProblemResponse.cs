namespace Frontdesk.Functions.Admin;

/// <summary>One problem row of <c>GET /api/manage/validate</c>.</summary>
public sealed record ProblemResponse(string Table, string PartitionKey, string RowKey, string Problem);

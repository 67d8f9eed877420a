namespace Frontdesk.Core.Rules;

/// <summary>
/// One row of a rule table as plain values, so the compiler never sees an Azure type. Column values are whatever
/// the table holds (string, bool, int, long, double, DateTimeOffset…): people type them in the portal.
/// </summary>
public sealed record TableRow(RuleTable Table, string PartitionKey, string RowKey, IReadOnlyDictionary<string, object?> Columns);

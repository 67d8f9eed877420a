namespace Frontdesk.Core.Rules;

/// <summary>A row (or one of its columns) that could not be used, and what Frontdesk did about it.</summary>
public sealed record RuleProblem(string Table, string PartitionKey, string RowKey, string Problem);

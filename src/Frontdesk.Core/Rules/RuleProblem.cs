namespace Frontdesk.Core.Rules;

/// <summary>
/// A row (or one of its columns) that could not be used, and what Frontdesk did about it. A text over one of Meta's
/// limits also names its <see cref="Column"/>, its <see cref="Length"/> and the <see cref="Limit"/>, so a tool can
/// point at the cell.
/// </summary>
public sealed record RuleProblem(string Table, string PartitionKey, string RowKey, string Problem)
{
    public string? Column { get; init; }

    public int? Length { get; init; }

    public int? Limit { get; init; }
}

namespace Frontdesk.Core.Rules;

/// <summary>The opening windows of one weekday or date, and its optional <c>Note</c>.</summary>
public sealed record DaySchedule(IReadOnlyList<OpeningWindow> Windows, string? Note)
{
    public static DaySchedule Closed { get; } = new([], null);
}

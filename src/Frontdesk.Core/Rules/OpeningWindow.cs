namespace Frontdesk.Core.Rules;

/// <summary>
/// One opening window of a day, in minutes after that day's local midnight. <see cref="EndMinute"/> may exceed
/// 1440: a window crossing midnight (<c>21:00-02:00</c>) belongs to the day it starts on.
/// </summary>
public sealed record OpeningWindow(int StartMinute, int EndMinute)
{
    public const int MinutesPerDay = 24 * 60;

    public bool CrossesMidnight => EndMinute > MinutesPerDay;
}

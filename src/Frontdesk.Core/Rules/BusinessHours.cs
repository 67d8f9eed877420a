using System.Globalization;

namespace Frontdesk.Core.Rules;

/// <summary>
/// When a business is open: weekday schedules, date rows overriding their weekday, all in one IANA time zone.
/// Windows are wall-clock times, so a 09:00 opening stays 09:00 across daylight-saving changes.
/// </summary>
public sealed class BusinessHours
{
    // Far enough to step over a long holiday closure written as date rows, small enough to stay cheap.
    private const int SearchDays = 400;

    private readonly IReadOnlyDictionary<DayOfWeek, DaySchedule> _weekdays;
    private readonly IReadOnlyDictionary<DateOnly, DaySchedule> _dates;

    public BusinessHours(
        TimeZoneInfo timeZone,
        IReadOnlyDictionary<DayOfWeek, DaySchedule> weekdays,
        IReadOnlyDictionary<DateOnly, DaySchedule> dates)
    {
        TimeZone = timeZone;
        _weekdays = weekdays;
        _dates = dates;
    }

    /// <summary>No Hours row at all: the business never counts as closed.</summary>
    public static BusinessHours AlwaysOpen(TimeZoneInfo timeZone) => new(timeZone, new Dictionary<DayOfWeek, DaySchedule>(), new Dictionary<DateOnly, DaySchedule>());

    public TimeZoneInfo TimeZone { get; }

    public bool IsAlwaysOpen => _weekdays.Count == 0 && _dates.Count == 0;

    /// <summary>The schedule of a local date: its date row, else its weekday row, else closed.</summary>
    public DaySchedule ScheduleFor(DateOnly date) =>
        _dates.TryGetValue(date, out var byDate) ? byDate
        : _weekdays.TryGetValue(date.DayOfWeek, out var byWeekday) ? byWeekday
        : DaySchedule.Closed;

    public bool IsOpen(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return true;
        }

        var local = TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
        var today = DateOnly.FromDateTime(local);
        var minute = (int)local.TimeOfDay.TotalMinutes;
        if (ScheduleFor(today).Windows.Any(w => w.StartMinute <= minute && minute < w.EndMinute))
        {
            return true;
        }

        // Yesterday's windows that run past midnight (21:00-02:00) still cover the small hours of today.
        var shifted = minute + OpeningWindow.MinutesPerDay;
        return ScheduleFor(today.AddDays(-1)).Windows.Any(w => w.CrossesMidnight && shifted < w.EndMinute);
    }

    /// <summary>The start of the first window that opens after <paramref name="instant"/>; null if none within a year.</summary>
    public DateTimeOffset? NextOpening(DateTimeOffset instant)
    {
        if (IsAlwaysOpen)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);
        for (var day = 0; day <= SearchDays; day++)
        {
            var date = today.AddDays(day);
            foreach (var window in ScheduleFor(date).Windows)
            {
                var start = ToInstant(date.ToDateTime(TimeOnly.MinValue).AddMinutes(window.StartMinute));
                if (start > instant)
                {
                    return start;
                }
            }
        }

        return null;
    }

    /// <summary>The <c>Note</c> of the local day <paramref name="instant"/> falls on (e.g. "Christmas").</summary>
    public string? NoteAt(DateTimeOffset instant) =>
        ScheduleFor(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime)).Note;

    /// <summary>"lundi 09:00" within the coming week, "lundi 4 janvier 09:00" further away, in the business's culture.</summary>
    public string FormatOpening(DateTimeOffset opening, DateTimeOffset now, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(opening, TimeZone).DateTime;
        var today = TimeZoneInfo.ConvertTime(now, TimeZone).DateTime.Date;
        var day = culture.DateTimeFormat.GetDayName(local.DayOfWeek);
        var time = local.ToString(culture.DateTimeFormat.ShortTimePattern, culture);
        return (local.Date - today).TotalDays < 7
            ? $"{day} {time}"
            : $"{day} {local.ToString("d MMMM", culture)} {time}";
    }

    /// <summary>A local wall-clock time as an instant, stepping out of a spring-forward gap and taking the first of two fall-back times.</summary>
    private DateTimeOffset ToInstant(DateTime local)
    {
        while (TimeZone.IsInvalidTime(local))
        {
            // Inside the gap the clock has already jumped: the window opens when the clock first reads a later time.
            local = local.AddMinutes(1);
        }

        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }
}

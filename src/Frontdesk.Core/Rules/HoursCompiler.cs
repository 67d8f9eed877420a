using System.Globalization;

namespace Frontdesk.Core.Rules;

/// <summary>The Hours rows: RowKey a weekday (<c>Monday</c>, also <c>mon</c>, any case) or a date (<c>2026-12-25</c>).</summary>
internal static class HoursCompiler
{
    public static BusinessHours Compile(IEnumerable<TableRow> rows, TimeZoneInfo timeZone, List<RuleProblem> problems)
    {
        var weekdays = new Dictionary<DayOfWeek, DaySchedule>();
        var dates = new Dictionary<DateOnly, DaySchedule>();
        foreach (var row in rows)
        {
            var columns = new ColumnReader(row);
            var key = row.RowKey.Trim();
            var weekday = Weekday(key);
            DateOnly? date = DateOnly.TryParseExact(key, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            if (weekday is null && date is null)
            {
                problems.Add(columns.Problem($"RowKey '{row.RowKey}' is neither a weekday (Monday … Sunday) nor a date (2026-12-25); row skipped"));
                continue;
            }

            var windows = HoursParser.Parse(columns.Text("Hours"), out var error);
            if (windows is null)
            {
                problems.Add(columns.Problem($"{error}; row skipped, so that day counts as closed"));
                continue;
            }

            var schedule = new DaySchedule(windows, columns.Text("Note"));
            var added = weekday is { } w ? weekdays.TryAdd(w, schedule) : dates.TryAdd(date!.Value, schedule);
            if (!added)
            {
                problems.Add(columns.Problem($"another row already describes {weekday?.ToString() ?? key}; row skipped"));
            }
        }

        return new BusinessHours(timeZone, weekdays, dates);
    }

    private static DayOfWeek? Weekday(string key)
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            if (key.Equals(name, StringComparison.OrdinalIgnoreCase) || key.Equals(name[..3], StringComparison.OrdinalIgnoreCase))
            {
                return day;
            }
        }

        return null;
    }
}

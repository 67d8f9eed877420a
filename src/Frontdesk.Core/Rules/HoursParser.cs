using System.Globalization;

namespace Frontdesk.Core.Rules;

/// <summary>Parses the <c>Hours</c> column: <c>09:00-12:30, 14:00-18:00</c>, <c>closed</c>, <c>00:00-24:00</c>, <c>21:00-02:00</c>.</summary>
public static class HoursParser
{
    private static readonly char[] s_windowSeparators = [',', ';'];
    private static readonly char[] s_dashes = ['-', '–', '—'];

    /// <returns>The windows ordered by start, or null with <paramref name="error"/> saying what is wrong.</returns>
    public static IReadOnlyList<OpeningWindow>? Parse(string? text, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Hours is empty: write windows such as '09:00-12:30, 14:00-18:00' or 'closed'";
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Equals("closed", StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var windows = new List<OpeningWindow>();
        foreach (var part in trimmed.Split(s_windowSeparators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = part.Split(s_dashes, StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || ParseTime(ends[0]) is not { } start || ParseTime(ends[1]) is not { } end)
            {
                error = $"'{part}' is not a window like '09:00-12:30' (24-hour times, or 'closed' for the whole day)";
                return null;
            }

            if (start == OpeningWindow.MinutesPerDay)
            {
                error = $"'{part}' starts at 24:00; start at 00:00 instead";
                return null;
            }

            if (end == start)
            {
                error = $"'{part}' opens and closes at the same time; write 00:00-24:00 for a whole day";
                return null;
            }

            // An end at or before the start means the window runs past midnight into the next day.
            windows.Add(new OpeningWindow(start, end > start ? end : end + OpeningWindow.MinutesPerDay));
        }

        if (windows.Count == 0)
        {
            error = $"'{trimmed}' holds no window";
            return null;
        }

        return [.. windows.OrderBy(w => w.StartMinute)];
    }

    /// <summary><c>9:00</c>, <c>09:00</c>, <c>24:00</c>; minutes after midnight, or null.</summary>
    private static int? ParseTime(string text)
    {
        var parts = text.Split(':', 'h', 'H');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || parts[1].Length != 2)
        {
            return null;
        }

        if (hours == 24 && minutes == 0)
        {
            return OpeningWindow.MinutesPerDay;
        }

        return hours is >= 0 and < 24 && minutes is >= 0 and < 60 ? (hours * 60) + minutes : null;
    }
}

using System.Globalization;
using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

public sealed class BusinessHoursTests
{
    private static readonly string[] s_everyDay = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static BusinessHours Paris(params TableRow[] hours) =>
        Rows.Compile([Rows.Settings(("TimeZone", "Europe/Paris"), ("Culture", "fr-FR")), .. hours]).Hours;

    private static TableRow[] EveryDay(string hours) => [.. s_everyDay.Select(d => Rows.Hours(d, hours))];

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-03-28T08:30:00Z", true)]  // Saturday 09:30 CET (UTC+1)
    [InlineData("2026-03-28T07:30:00Z", false)] // Saturday 08:30 CET
    [InlineData("2026-03-29T07:30:00Z", true)]  // Sunday 09:30 CEST (UTC+2): the clocks went forward at 02:00
    [InlineData("2026-03-29T06:30:00Z", false)] // Sunday 08:30 CEST, which would be 07:30 without the change
    [InlineData("2026-03-29T16:30:00Z", false)] // Sunday 18:30 CEST, 17:30 in winter time
    [InlineData("2026-10-25T07:30:00Z", false)] // Sunday 08:30 CET: the clocks went back at 03:00
    [InlineData("2026-10-25T08:30:00Z", true)]  // Sunday 09:30 CET
    [InlineData("2026-10-25T16:30:00Z", true)]  // Sunday 17:30 CET, 18:30 in summer time
    public void IsOpen_AcrossDaylightSavingChanges_FollowsTheWallClock(string instant, bool open)
    {
        var hours = Paris(EveryDay("09:00-18:00"));

        Assert.Equal(open, hours.IsOpen(Utc(instant)));
    }

    [Theory]
    [InlineData("2026-03-28T20:00:00Z", "2026-03-29T07:00:00Z")] // Saturday night → Sunday 09:00 CEST
    [InlineData("2026-10-24T20:00:00Z", "2026-10-25T08:00:00Z")] // Saturday night → Sunday 09:00 CET
    public void NextOpening_AcrossDaylightSavingChanges_IsNineLocal(string now, string expected)
    {
        var hours = Paris(EveryDay("09:00-18:00"));

        Assert.Equal(Utc(expected), hours.NextOpening(Utc(now)));
    }

    [Fact]
    public void NextOpening_InsideTheSpringGap_OpensWhenTheClockJumps()
    {
        var hours = Paris(Rows.Hours("Sunday", "02:30-05:00"));

        Assert.Equal(Utc("2026-03-29T01:00:00Z"), hours.NextOpening(Utc("2026-03-28T12:00:00Z")));
    }

    [Fact]
    public void NextOpening_AtAnAmbiguousAutumnTime_TakesTheFirstOccurrence()
    {
        var hours = Paris(Rows.Hours("Sunday", "02:30-05:00"));

        Assert.Equal(Utc("2026-10-25T00:30:00Z"), hours.NextOpening(Utc("2026-10-24T12:00:00Z")));
    }

    [Theory]
    [InlineData("2026-11-27T20:30:00Z", true)]  // Friday 21:30
    [InlineData("2026-11-28T00:30:00Z", true)]  // Saturday 01:30, still Friday's window
    [InlineData("2026-11-28T01:30:00Z", false)] // Saturday 02:30
    [InlineData("2026-11-27T19:30:00Z", false)] // Friday 20:30
    public void IsOpen_OvernightWindow_BelongsToTheDayItStarts(string instant, bool open)
    {
        var hours = Paris(Rows.Hours("Friday", "21:00-02:00"), Rows.Hours("Saturday", "closed"));

        Assert.Equal(open, hours.IsOpen(Utc(instant)));
    }

    [Fact]
    public void IsOpen_DateRow_OverridesItsWeekday()
    {
        var hours = Paris([.. EveryDay("09:00-18:00"), Rows.Hours("2026-12-25", "closed", "Christmas")]);

        Assert.False(hours.IsOpen(Utc("2026-12-25T10:00:00Z")));
        Assert.True(hours.IsOpen(Utc("2026-12-24T10:00:00Z")));
        Assert.Equal("Christmas", hours.NoteAt(Utc("2026-12-25T10:00:00Z")));
        Assert.Null(hours.NoteAt(Utc("2026-12-24T10:00:00Z")));
    }

    [Fact]
    public void IsOpen_DateRowWithHours_OpensADayWithoutRow()
    {
        var hours = Paris(Rows.Hours("Monday", "09:00-18:00"), Rows.Hours("2026-12-20", "10:00-12:00"));

        Assert.True(hours.IsOpen(Utc("2026-12-20T10:30:00Z"))); // a Sunday, 11:30 local
    }

    [Fact]
    public void IsOpen_WeekdayWithoutRow_IsClosed()
    {
        var hours = Paris(Rows.Hours("Monday", "09:00-18:00"));

        Assert.True(hours.IsOpen(Utc("2026-11-23T10:00:00Z")));
        Assert.False(hours.IsOpen(Utc("2026-11-24T10:00:00Z")));
    }

    [Fact]
    public void IsOpen_NoHoursRowAtAll_IsAlwaysOpen()
    {
        var hours = Paris();

        Assert.True(hours.IsAlwaysOpen);
        Assert.True(hours.IsOpen(Utc("2026-11-29T03:00:00Z")));
        Assert.Null(hours.NextOpening(Utc("2026-11-29T03:00:00Z")));
    }

    [Fact]
    public void IsOpen_WholeDay_CoversMidnight()
    {
        var hours = Paris(Rows.Hours("Monday", "00:00-24:00"));

        Assert.True(hours.IsOpen(Utc("2026-11-22T23:00:00Z")));  // Monday 00:00
        Assert.True(hours.IsOpen(Utc("2026-11-23T22:59:00Z")));  // Monday 23:59
        Assert.False(hours.IsOpen(Utc("2026-11-23T23:00:00Z"))); // Tuesday 00:00
    }

    [Fact]
    public void NextOpening_SkipsAHolidayAndAClosedDay()
    {
        var hours = Paris(Rows.Hours("Friday", "09:00-18:00"), Rows.Hours("Monday", "09:00-18:00"), Rows.Hours("2026-12-25", "closed"));

        var next = hours.NextOpening(Utc("2026-12-24T20:00:00Z"));

        Assert.Equal(Utc("2026-12-28T08:00:00Z"), next);
    }

    [Theory]
    [InlineData("fr-FR", "2026-11-28T20:00:00Z", "lundi 09:00")]
    [InlineData("en-US", "2026-11-28T20:00:00Z", "Monday 9:00 AM")]
    [InlineData("fr-FR", "2026-11-17T20:00:00Z", "lundi 30 novembre 09:00")]
    public void FormatOpening_UsesTheBusinessCulture(string culture, string now, string expected)
    {
        var hours = Paris(Rows.Hours("2026-11-30", "09:00-18:00"));
        var next = hours.NextOpening(Utc(now))!.Value;

        var text = hours.FormatOpening(next, Utc(now), CultureInfo.GetCultureInfo(culture));

        Assert.Equal(expected, text.Replace('\u202f', ' '));
    }
}

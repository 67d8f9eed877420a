using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

public sealed class HoursParserTests
{
    [Fact]
    public void Parse_SplitDay_ReturnsWindowsInOrder()
    {
        var windows = HoursParser.Parse(" 14:00-18:00 ,09:00-12:30", out var error);

        Assert.Null(error);
        Assert.Equal([new OpeningWindow(540, 750), new OpeningWindow(840, 1080)], windows);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("CLOSED")]
    [InlineData(" Closed ")]
    public void Parse_Closed_ReturnsNoWindow(string text)
    {
        Assert.Empty(HoursParser.Parse(text, out _)!);
    }

    [Fact]
    public void Parse_WholeDay_EndsAtMidnight()
    {
        Assert.Equal([new OpeningWindow(0, 1440)], HoursParser.Parse("00:00-24:00", out _));
    }

    [Fact]
    public void Parse_Overnight_EndsNextDay()
    {
        var window = Assert.Single(HoursParser.Parse("21:00-02:00", out _)!);

        Assert.Equal(21 * 60, window.StartMinute);
        Assert.Equal((26 * 60), window.EndMinute);
        Assert.True(window.CrossesMidnight);
    }

    [Theory]
    [InlineData("9-12", "'9-12' is not a window")]
    [InlineData("09:00-25:00", "is not a window")]
    [InlineData("09:00-09:00", "opens and closes at the same time")]
    [InlineData("open", "is not a window")]
    [InlineData("", "Hours is empty")]
    [InlineData("24:00-02:00", "starts at 24:00")]
    [InlineData("09:60-10:00", "is not a window")]
    public void Parse_Malformed_SaysWhy(string text, string expected)
    {
        var windows = HoursParser.Parse(text, out var error);

        Assert.Null(windows);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}

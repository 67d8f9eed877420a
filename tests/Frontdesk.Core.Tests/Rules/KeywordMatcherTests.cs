using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

public sealed class KeywordMatcherTests
{
    private static KeywordMatch Match(MatchMode mode, string keywords, string text)
    {
        var matcher = KeywordMatcher.Create(mode, keywords, out var error);
        Assert.Null(error);
        return matcher.Match(text);
    }

    [Theory]
    [InlineData("creme", "Vous avez de la Crème brûlée ?", true)]
    [InlineData("crème", "CREME please", true)]
    [InlineData("hi", "tell me the history", false)]
    [InlineData("hi", "Hi!", true)]
    [InlineData("hi", "oh, hi there", true)]
    [InlineData("opening hours", "what are your Opening  Hours?", true)]
    [InlineData("opening hours", "hours opening", false)]
    [InlineData("price, prix", "le PRIX svp", true)]
    [InlineData("gateau", "un gâteau d'anniversaire", true)]
    [InlineData("oeuf", "des œufs", false)]
    [InlineData("oeufs", "des Œufs", true)]
    public void Word_MatchesWholeWordsIgnoringCaseAndAccents(string keywords, string text, bool expected)
    {
        Assert.Equal(expected, Match(MatchMode.Word, keywords, text).Matched);
    }

    [Fact]
    public void Word_Match_ReturnsTheTextWithoutTheKeyword()
    {
        var match = Match(MatchMode.Word, "price", "price of the croissant");

        Assert.Equal("price", match.Keyword);
        Assert.Equal("of the croissant", match.Remainder);
    }

    [Theory]
    [InlineData("menu", "Menu", true)]
    [InlineData("menu", "  MENU ! ", true)]
    [InlineData("menu", "the menu", false)]
    [InlineData("bon appetit", "Bon  appétit", true)]
    public void Exact_MatchesTheWholeMessage(string keywords, string text, bool expected)
    {
        Assert.Equal(expected, Match(MatchMode.Exact, keywords, text).Matched);
    }

    [Theory]
    [InlineData("choc", "Pain au CHOColat", true)]
    [InlineData("hi", "history", true)]
    [InlineData("xyz", "history", false)]
    public void Contains_MatchesAnywhere(string keywords, string text, bool expected)
    {
        Assert.Equal(expected, Match(MatchMode.Contains, keywords, text).Matched);
    }

    [Theory]
    [InlineData(@"^order\s*#?\d{3,6}$", "Order #12345", true)]
    [InlineData(@"^order\s*#?\d{3,6}$", "order 12", false)]
    public void Regex_IsTheWholeColumnAndIgnoresCase(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, Match(MatchMode.Regex, pattern, text).Matched);
    }

    [Fact]
    public void Regex_Invalid_IsAnError()
    {
        KeywordMatcher.Create(MatchMode.Regex, "(unclosed", out var error);

        Assert.StartsWith("Keywords is not a valid regular expression", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Regex_CatastrophicBacktracking_TimesOutAsANonMatch()
    {
        var match = Match(MatchMode.Regex, "^(a+)+$", new string('a', 40) + "!");

        Assert.False(match.Matched);
        Assert.True(match.TimedOut);
    }
}

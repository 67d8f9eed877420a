using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

public sealed class RuleBookCompilerTests
{
    private static RuleProblem SingleProblem(params TableRow[] rows) => Assert.Single(Rows.Compile(rows).Problems);

    [Fact]
    public void Compile_NoRows_GivesDefaults()
    {
        var book = Rows.Compile();

        Assert.Empty(book.Problems);
        Assert.Empty(book.Rules);
        Assert.Equal(TimeZoneInfo.Utc, book.Settings.TimeZone);
        Assert.Equal("en-US", book.Settings.Culture.Name);
        Assert.Equal(14, book.Settings.GreetingAfterDays);
        Assert.Equal(AwayMode.OutsideHours, book.Settings.AwayMode);
        Assert.Equal(24, book.Settings.AwayCooldownHours);
        Assert.True(book.Hours.IsAlwaysOpen);
    }

    [Fact]
    public void Compile_DefaultRows_ApplyWhereTheNumberHasNone()
    {
        var book = Rows.Compile(
            Rows.Rule("hours", ("Keywords", "hours"), ("Reply", "default hours")).InDefault(),
            Rows.Rule("address", ("Keywords", "address"), ("Reply", "default address")).InDefault(),
            Rows.Rule("HOURS", ("Keywords", "hours"), ("Reply", "our hours")),
            Rows.Rule("other-number", ("Keywords", "x"), ("Reply", "x")) with { PartitionKey = "999" });

        Assert.Equal(["HOURS", "address"], book.Rules.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal("our hours", book.Rules.Single(r => r.Name == "HOURS").Reply);
    }

    [Fact]
    public void Compile_ForgivesCaseSpacesAndYesNo()
    {
        var book = Rows.Compile(
            Rows.Settings(("timezone", " Europe/Paris "), ("GreetingShowsMenu", "YES"), ("AwayMode", "outside hours"), ("GreetingAfterDays", "7"), ("MenuText", "Pick")),
            Rows.Rule("r", ("Keywords", " a , b "), ("Match", "WORD"), ("Action", "Hand-Off"), ("When", " Closed"), ("Enabled", "1"), ("Priority", 5L), ("MenuTitle", " A ")));

        Assert.Empty(book.Problems);
        Assert.Equal("Europe/Paris", book.Settings.TimeZone.Id);
        Assert.True(book.Settings.GreetingShowsMenu);
        Assert.Equal(7, book.Settings.GreetingAfterDays);
        var rule = Assert.Single(book.Rules);
        Assert.Equal(["a", "b"], rule.Matcher.Keywords);
        Assert.Equal(RuleAction.Handoff, rule.Action);
        Assert.Equal(RuleWhen.Closed, rule.When);
        Assert.Equal(5, rule.Priority);
    }

    [Fact]
    public void Compile_OrdersRulesByPriorityThenName()
    {
        var book = Rows.Compile(
            Rows.Rule("b", ("Keywords", "x"), ("Reply", "x")),
            Rows.Rule("a", ("Keywords", "x"), ("Reply", "x")),
            Rows.Rule("first", ("Keywords", "x"), ("Reply", "x"), ("Priority", 1)));

        Assert.Equal(["first", "a", "b"], book.Rules.Select(r => r.Name));
    }

    [Fact]
    public void Compile_DisabledRule_IsLeftOutWithoutProblem()
    {
        var book = Rows.Compile(Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Enabled", false)));

        Assert.Empty(book.Rules);
        Assert.Empty(book.Problems);
    }

    [Fact]
    public void Compile_QuickReply_BecomesTheReply()
    {
        var book = Rows.Compile(Rows.QuickReply("thanks", "Thank you!"), Rows.Rule("r", ("Keywords", "x"), ("QuickReply", "THANKS")));

        Assert.Equal("Thank you!", Assert.Single(book.Rules).Reply);
    }

    public static TheoryData<TableRow, string> BadRules => new()
    {
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Match", "fuzzy")), "Match 'fuzzy' is not word, exact, contains or regex; rule skipped" },
        { Rows.Rule("r", ("Keywords", "(x"), ("Match", "regex"), ("Reply", "x")), "Keywords is not a valid regular expression" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Action", "dance")), "Action 'dance' is not none, menu, handoff, optout, optin or catalogue; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("When", "weekends")), "When 'weekends' is not any, open or closed; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x"), ("QuickReply", "nope")), "QuickReply 'nope' is not a RowKey of QuickReplies" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", new string('x', 4097))), "the reply has 4097 characters, more than the 4096 WhatsApp allows for a text message; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", new string('x', 1025)), ("Buttons", "Yes|No")), "more than the 1024 WhatsApp allows for the text of a message with buttons" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Buttons", "a|b|c|d")), "Buttons has 4 titles; WhatsApp allows at most 3; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Buttons", "Twenty-one characters")), "button 'Twenty-one characters' has 21 characters, more than the 20 WhatsApp allows for a button title" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("MenuTitle", new string('t', 25))), "MenuTitle has 25 characters, more than the 24 WhatsApp allows for a menu row's title" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("MenuTitle", "t"), ("MenuDescription", new string('d', 73))), "MenuDescription has 73 characters, more than the 72 WhatsApp allows for a menu row's description" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("PauseHours", 0)), "PauseHours '0' is not a whole number of hours from 1 to 8760; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Buttons", "Yes|yes")), "Buttons repeats a title" },
        { Rows.Rule("r", ("Keywords", "x"), ("Buttons", "Yes|No"), ("Action", "handoff")), "Buttons need a Reply or QuickReply" },
        { Rows.Rule("r", ("Reply", "x")), "it has neither Keywords nor a MenuTitle, so nothing can trigger it; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x")), "it has no Reply, no QuickReply and no Action, so it would send nothing; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Priority", "high")), "Priority 'high' is not a whole number; rule skipped" },
        { Rows.Rule("r", ("Keywords", "x"), ("Reply", "x"), ("Enabled", "maybe")), "Enabled 'maybe' is not true or false; rule skipped" },
    };

    [Theory]
    [MemberData(nameof(BadRules))]
    public void Compile_BadRule_IsSkippedWithAProblemNamingTableKeysAndProblem(TableRow row, string expected)
    {
        var book = Rows.Compile(row, Rows.Rule("good", ("Keywords", "y"), ("Reply", "y")));

        var problem = Assert.Single(book.Problems);
        Assert.Equal(("Rules", Rows.Number, "r"), (problem.Table, problem.PartitionKey, problem.RowKey));
        Assert.Contains(expected, problem.Problem, StringComparison.Ordinal);
        Assert.Equal("good", Assert.Single(book.Rules).Name);
    }

    [Fact]
    public void Compile_MenuRuleWithANameTooLongForARowId_IsSkipped()
    {
        var name = new string('n', 201);

        var book = Rows.Compile(Rows.Rule(name, ("Keywords", "x"), ("Reply", "x"), ("MenuTitle", "Row")));

        Assert.Contains("more than the 200 WhatsApp allows for a menu row's id", Assert.Single(book.Problems).Problem, StringComparison.Ordinal);
        Assert.Empty(book.Rules);
    }

    [Fact]
    public void Compile_UnknownTimeZone_FallsBackToUtcWithAProblem()
    {
        var problem = SingleProblem(Rows.Settings(("TimeZone", "Europe/Pariss"), ("GreetingText", "Hi")));

        Assert.Equal(new RuleProblem("Settings", Rows.Number, "business", "TimeZone 'Europe/Pariss' is not a known IANA time zone (e.g. Europe/Paris); UTC is used instead"), problem);
    }

    [Fact]
    public void Compile_UnknownCulture_FallsBackToEnUsWithAProblem()
    {
        var book = Rows.Compile(Rows.Settings(("Culture", "xx-Nowhere"), ("GreetingText", "Hi")));

        Assert.Contains("Culture 'xx-Nowhere' is not a known culture", Assert.Single(book.Problems).Problem, StringComparison.Ordinal);
        Assert.Equal("en-US", book.Settings.Culture.Name);
        Assert.Equal("Hi", book.Settings.GreetingText);
    }

    [Fact]
    public void Compile_SettingsTextTooLong_IsDroppedWithAProblem()
    {
        var book = Rows.Compile(Rows.Settings(("AwayText", new string('a', 4097)), ("MenuButton", "A label far too long for it")));

        Assert.Null(book.Settings.AwayText);
        Assert.Equal("Menu", book.Settings.MenuButton);
        Assert.Equal(2, book.Problems.Count);
    }

    [Fact]
    public void Compile_UnparsableHours_SkipsTheDayWithAProblem()
    {
        var book = Rows.Compile(Rows.Hours("Monday", "9h-17h"), Rows.Hours("Tuesday", "09:00-17:00"), Rows.Hours("Funday", "closed"));

        Assert.Equal(2, book.Problems.Count);
        Assert.Contains(book.Problems, p => p is { Table: "Hours", RowKey: "Monday" } && p.Problem.Contains("'9h-17h' is not a window", StringComparison.Ordinal));
        Assert.Contains(book.Problems, p => p is { Table: "Hours", RowKey: "Funday" } && p.Problem.Contains("neither a weekday", StringComparison.Ordinal));
        Assert.False(book.Hours.IsAlwaysOpen);
    }

    [Fact]
    public void Compile_EleventhMenuRow_StaysARuleButLeavesTheMenu()
    {
        var rules = Enumerable.Range(1, 11).Select(i => Rows.Rule($"r{i:00}", ("Keywords", $"k{i}"), ("Reply", "x"), ("MenuTitle", $"Row {i}")));

        var book = Rows.Compile([Rows.Settings(("MenuText", "Pick one")), .. rules]);

        Assert.Equal(10, book.MenuRows.Count);
        Assert.Equal(11, book.Rules.Count);
        Assert.Equal("r11", Assert.Single(book.Problems).RowKey);
    }

    [Fact]
    public void Compile_MenuAskedForButMissing_IsAProblem()
    {
        var problem = SingleProblem(Rows.Settings(("GreetingShowsMenu", true), ("GreetingText", "Hi")));

        Assert.Contains("a menu is asked for", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CatalogueColumns_MapToCatalogueSettings()
    {
        var book = Rows.Compile(Rows.Settings(("CatalogId", "123"), ("Culture", "fr-FR"), ("CatalogueNoMatchText", "none"), ("OrderReplyText", "thanks")));

        Assert.Equal(new("123", "fr-FR", "none", "thanks"), book.Settings.Catalogue);
    }

    [Fact]
    public void DemoBusiness_CompilesWithoutProblems()
    {
        var book = RuleBookCompiler.Compile("any-number", DemoBusiness.Rows);

        Assert.Empty(book.Problems);
        Assert.True(book.HasMenu);
        Assert.Equal(7, book.Rules.Count);
        Assert.False(book.Hours.IsAlwaysOpen);
    }
}

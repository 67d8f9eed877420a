using Frontdesk.Core.Limits;
using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

/// <summary>The Components table: what compiles, and every problem validate reports, against Meta's limits.</summary>
public sealed class ComponentsCompilerTests
{
    private static readonly TableRow s_menuRule = Rows.Rule("menu", ("Keywords", "menu, help"), ("Action", "menu"));
    private static readonly TableRow s_menuText = Rows.Settings(("MenuText", "Pick"));

    private static TableRow Component(string rowKey, params (string Name, object? Value)[] columns) => Rows.Row(RuleTable.Components, rowKey, columns);

    private static RuleBook Compile(params TableRow[] components) => Rows.Compile([s_menuText, s_menuRule, .. components]);

    private static IEnumerable<RuleProblem> ComponentProblems(RuleBook book) => book.Problems.Where(p => p.Table == nameof(RuleTable.Components));

    [Fact]
    public void ValidRows_CompileToWelcomePromptsInOrderAndCommands()
    {
        var book = Compile(
            Component("welcome", ("Kind", "Welcome"), ("Enabled", "yes")),
            Component("b", ("Kind", "ice breaker"), ("Text", "Second"), ("Order", 2)),
            Component("a", ("Kind", "prompt"), ("Text", "First"), ("Order", 1)),
            Component("menu", ("Kind", "command"), ("Description", "See the menu")));

        Assert.Empty(ComponentProblems(book));
        Assert.True(book.Components.EnableWelcomeMessage);
        Assert.Equal(["First", "Second"], book.Components.Prompts);
        Assert.Equal([new ChatCommand("menu", "See the menu")], book.Components.Commands);
    }

    [Fact]
    public void AFifthIceBreaker_AndOneOver80Characters_AreReportedAndLeftOut()
    {
        var book = Compile(
            [.. Enumerable.Range(1, 5).Select(i => Component($"p{i}", ("Kind", "prompt"), ("Text", $"Prompt {i}"), ("Order", i))),
             Component("long", ("Kind", "prompt"), ("Text", new string('x', WhatsAppLimits.PromptText + 1)))]);

        Assert.Equal(WhatsAppLimits.MaxPrompts, book.Components.Prompts.Count);
        var problems = ComponentProblems(book).ToList();
        Assert.Contains(problems, p => p.RowKey == "p5" && p.Problem.Contains("allows 4 ice breakers", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.RowKey == "long" && p.Limit == WhatsAppLimits.PromptText && p.Length == 81);
    }

    [Fact]
    public void Commands_OverMetasLimitsMissingOrUnanswered_AreReported()
    {
        var many = Enumerable.Range(1, 31).Select(i => Component($"c{i:00}", ("Kind", "command"), ("Command", "menu" + i), ("Description", "d"))).ToArray();
        var book = Compile(
            [.. many,
             Component("long-name", ("Kind", "command"), ("Command", new string('n', WhatsAppLimits.CommandName + 1)), ("Description", "d")),
             Component("long-description", ("Kind", "command"), ("Command", "x"), ("Description", new string('d', WhatsAppLimits.CommandDescription + 1))),
             Component("no-description", ("Kind", "command"), ("Command", "y"))]);

        var problems = ComponentProblems(book).ToList();
        Assert.Equal(WhatsAppLimits.MaxCommands, book.Components.Commands.Count);
        Assert.Contains(problems, p => p.RowKey == "c31" && p.Problem.Contains("allows 30 commands", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.RowKey == "long-name" && p.Limit == WhatsAppLimits.CommandName);
        Assert.Contains(problems, p => p.RowKey == "long-description" && p.Limit == WhatsAppLimits.CommandDescription);
        Assert.Contains(problems, p => p.RowKey == "no-description" && p.Problem.Contains("Description is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.RowKey == "c01" && p.Problem.Contains("no rule has the keyword 'menu1'", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownKind_BadEnabled_AndDuplicateCommand_AreReported()
    {
        var book = Compile(
            Component("x", ("Kind", "banner")),
            Component("welcome", ("Kind", "welcome"), ("Enabled", "maybe")),
            Component("menu", ("Kind", "command"), ("Description", "Menu")),
            Component("menu-again", ("Kind", "command"), ("Command", "/menu"), ("Description", "Menu")));

        var problems = ComponentProblems(book).Select(p => (p.RowKey, p.Problem)).ToList();
        Assert.Contains(problems, p => p.RowKey == "x" && p.Problem.Contains("not welcome, prompt or command", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.RowKey == "welcome" && p.Problem.Contains("maybe", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.RowKey == "menu-again" && p.Problem.Contains("already defined", StringComparison.Ordinal));
        Assert.Null(book.Components.EnableWelcomeMessage);
        Assert.Single(book.Components.Commands);
    }
}

using System.Globalization;
using Frontdesk.Core.Limits;
using Frontdesk.Core.Text;

namespace Frontdesk.Core.Rules;

/// <summary>
/// The <c>Components</c> rows of one number: <c>Kind</c> <c>welcome</c> (column <c>Enabled</c>), <c>prompt</c>
/// (column <c>Text</c>, ordered by <c>Order</c> then RowKey) or <c>command</c> (the RowKey or column <c>Command</c> is
/// the name, column <c>Description</c>). A bad row is left out with a problem; Meta's limits come from
/// <see cref="WhatsAppLimits"/>. A command no rule answers is reported: the customer typing it would get the fallback.
/// </summary>
internal static class ComponentsCompiler
{
    public static ConversationalComponents Compile(IReadOnlyList<TableRow> rows, IReadOnlyList<ReplyRule> rules, List<RuleProblem> problems)
    {
        bool? welcome = null;
        var prompts = new List<(int Order, string Key, string Text)>();
        var commands = new List<(string Key, ChatCommand Command)>();
        foreach (var row in rows.OrderBy(r => r.RowKey, StringComparer.Ordinal))
        {
            var columns = new ColumnReader(row);
            var kind = (columns.Text("Kind") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
            switch (kind)
            {
                case "WELCOME" or "WELCOMEMESSAGE":
                    var enabled = columns.Bool("Enabled", out var valid);
                    if (!valid || welcome is not null)
                    {
                        problems.Add(columns.Problem(welcome is not null
                            ? "there is already a welcome row; this one is skipped"
                            : $"Enabled '{columns.Text("Enabled")}' is not true or false; row skipped"));
                        break;
                    }

                    welcome = enabled ?? true;
                    break;
                case "PROMPT" or "ICEBREAKER":
                    var text = columns.Text("Text");
                    var order = columns.Int("Order", out var orderValid);
                    if (text is null)
                    {
                        problems.Add(columns.Problem("Text is empty; ice breaker skipped"));
                    }
                    else if (columns.TooLong("Text", text, WhatsAppLimits.PromptText, "an ice breaker", "ice breaker skipped") is { } tooLong)
                    {
                        problems.Add(tooLong);
                    }
                    else if (!orderValid)
                    {
                        problems.Add(columns.Problem($"Order '{columns.Text("Order")}' is not a whole number; ice breaker skipped"));
                    }
                    else
                    {
                        prompts.Add((order ?? 100, row.RowKey, text));
                    }

                    break;
                case "COMMAND":
                    if (Command(columns, problems) is { } command)
                    {
                        if (commands.Any(c => c.Command.Name == command.Name))
                        {
                            problems.Add(columns.Problem($"command /{command.Name} is already defined by another row; row skipped"));
                        }
                        else
                        {
                            commands.Add((row.RowKey, command));
                        }
                    }

                    break;
                default:
                    problems.Add(columns.Problem($"Kind '{columns.Text("Kind")}' is not welcome, prompt or command; row skipped"));
                    break;
            }
        }

        var orderedPrompts = prompts.OrderBy(p => p.Order).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();
        foreach (var extra in orderedPrompts.Skip(WhatsAppLimits.MaxPrompts))
        {
            problems.Add(Problem(rows, extra.Key, $"WhatsApp allows {WhatsAppLimits.MaxPrompts} ice breakers; this one (Order {extra.Order.ToString(CultureInfo.InvariantCulture)}) is left out"));
        }

        foreach (var extra in commands.Skip(WhatsAppLimits.MaxCommands))
        {
            problems.Add(Problem(rows, extra.Key, $"WhatsApp allows {WhatsAppLimits.MaxCommands} commands; /{extra.Command.Name} is left out"));
        }

        var kept = commands.Take(WhatsAppLimits.MaxCommands).ToList();
        foreach (var (key, command) in kept)
        {
            var answered = rules.Any(r => r.Action is not (RuleAction.OptOut or RuleAction.OptIn)
                && r.Matcher.Mode != MatchMode.Regex
                && r.Matcher.Keywords.Any(k => TextNormaliser.Collapse(k) == TextNormaliser.Collapse(command.Name)));
            if (!answered)
            {
                problems.Add(Problem(rows, key, $"no rule has the keyword '{command.Name}', so a customer sending /{command.Name} gets the fallback; give a rule that keyword"));
            }
        }

        return new ConversationalComponents(
            welcome,
            [.. orderedPrompts.Take(WhatsAppLimits.MaxPrompts).Select(p => p.Text)],
            [.. kept.Select(c => c.Command)]);
    }

    private static ChatCommand? Command(ColumnReader columns, List<RuleProblem> problems)
    {
        var name = (columns.Text("Command") ?? columns.Row.RowKey).Trim().TrimStart('/');
        var description = columns.Text("Description");
        string? problem = null;
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            problem = $"the command name '{name}' is empty or has spaces; row skipped";
        }
        else if (columns.TooLong("Command", name, WhatsAppLimits.CommandName, "a command name", "row skipped", label: "the command name") is { } tooLong)
        {
            problems.Add(tooLong);
            return null;
        }
        else if (description is null)
        {
            problem = $"Description is empty; WhatsApp needs one under /{name}; row skipped";
        }
        else if (columns.TooLong("Description", description, WhatsAppLimits.CommandDescription, "a command description", "row skipped") is { } tooLongDescription)
        {
            problems.Add(tooLongDescription);
            return null;
        }

        if (problem is not null)
        {
            problems.Add(columns.Problem(problem));
            return null;
        }

        return new ChatCommand(name, description!);
    }

    private static RuleProblem Problem(IReadOnlyList<TableRow> rows, string rowKey, string problem) =>
        new ColumnReader(rows.First(r => r.RowKey == rowKey)).Problem(problem);
}

using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Rules;

/// <summary>
/// One Rules row. Strict: any doubt about what the rule would do skips the whole row with a problem, because a
/// half-understood rule answering customers is worse than a missing one.
/// </summary>
internal static class RuleCompiler
{
    public static ReplyRule? Compile(TableRow row, IReadOnlyDictionary<string, string> quickReplies, List<RuleProblem> problems)
    {
        var columns = new ColumnReader(row);
        string? Fail(string problem)
        {
            problems.Add(columns.Problem(problem + "; rule skipped"));
            return null;
        }

        var enabled = columns.Bool("Enabled", out var enabledValid);
        if (!enabledValid)
        {
            Fail($"Enabled '{columns.Text("Enabled")}' is not true or false");
            return null;
        }

        if (enabled == false)
        {
            return null;
        }

        if (!TryParse<MatchMode>(columns.Text("Match"), MatchMode.Word, out var mode))
        {
            Fail($"Match '{columns.Text("Match")}' is not word, exact, contains or regex");
            return null;
        }

        if (!TryParse<RuleAction>(columns.Text("Action"), RuleAction.None, out var action))
        {
            Fail($"Action '{columns.Text("Action")}' is not none, menu, handoff, optout, optin or catalogue");
            return null;
        }

        if (!TryParse<RuleWhen>(columns.Text("When"), RuleWhen.Any, out var when))
        {
            Fail($"When '{columns.Text("When")}' is not any, open or closed");
            return null;
        }

        var priority = columns.Int("Priority", out var priorityValid);
        if (!priorityValid)
        {
            Fail($"Priority '{columns.Text("Priority")}' is not a whole number");
            return null;
        }

        var pauseHours = columns.Int("PauseHours", out var pauseValid);
        if (!pauseValid || pauseHours is < 1 or > 24 * 365)
        {
            Fail($"PauseHours '{columns.Text("PauseHours")}' is not a whole number of hours from 1 to 8760");
            return null;
        }

        var matcher = KeywordMatcher.Create(mode, columns.Text("Keywords"), out var regexError);
        if (regexError is not null)
        {
            Fail(regexError);
            return null;
        }

        var menuTitle = columns.Text("MenuTitle");
        var menuDescription = columns.Text("MenuDescription");
        if (matcher.Keywords.Count == 0 && menuTitle is null)
        {
            Fail("it has neither Keywords nor a MenuTitle, so nothing can trigger it");
            return null;
        }

        var reply = columns.Text("Reply");
        var replyColumn = "Reply";
        var quickReply = columns.Text("QuickReply");
        if (reply is null && quickReply is not null)
        {
            if (!quickReplies.TryGetValue(quickReply, out reply))
            {
                Fail($"QuickReply '{quickReply}' is not a RowKey of QuickReplies (or that row has a problem)");
                return null;
            }

            replyColumn = "QuickReply";
        }

        var buttons = (columns.Text("Buttons") ?? string.Empty)
            .Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var buttonProblem = CheckButtons(buttons, reply);
        if (buttonProblem is not null)
        {
            Fail(buttonProblem);
            return null;
        }

        // Every text over Meta's limits at once: fixing one only to meet the next on the following validate wastes a round.
        var tooLong = TooLong(columns, row.RowKey, menuTitle, menuDescription, replyColumn, reply, buttons);
        if (tooLong.Count > 0)
        {
            problems.AddRange(tooLong);
            return null;
        }

        if (reply is null && action is RuleAction.None)
        {
            Fail("it has no Reply, no QuickReply and no Action, so it would send nothing");
            return null;
        }

        return new ReplyRule
        {
            Name = row.RowKey,
            Priority = priority ?? 100,
            Matcher = matcher,
            Reply = reply,
            Buttons = buttons,
            MenuTitle = menuTitle,
            MenuDescription = menuDescription,
            Action = action,
            When = when,
            Labels = Labels(columns.Text("Labels")),
            PauseHours = pauseHours ?? 24,
        };
    }

    public static IReadOnlyList<string> Labels(string? text) =>
        [.. (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    private static List<RuleProblem> TooLong(
        ColumnReader columns, string rowKey, string? menuTitle, string? menuDescription, string replyColumn, string? reply, string[] buttons)
    {
        const string Skipped = "rule skipped";
        var withButtons = buttons.Length > 0;
        return
        [
            .. new[]
            {
                columns.TooLong("MenuTitle", menuTitle, WhatsAppLimits.RowTitle, "a menu row's title", Skipped),
                columns.TooLong("MenuDescription", menuDescription, WhatsAppLimits.RowDescription, "a menu row's description", Skipped),
                menuTitle is null ? null : columns.TooLong("RowKey", rowKey, WhatsAppLimits.RowId, "a menu row's id (the rule's name); shorten the name", Skipped),
                columns.TooLong(
                    replyColumn,
                    reply,
                    withButtons ? WhatsAppLimits.InteractiveBody : WhatsAppLimits.TextBody,
                    withButtons ? "the text of a message with buttons" : "a text message",
                    Skipped,
                    replyColumn == "Reply" ? "the reply" : $"the quick reply '{columns.Text("QuickReply")}'"),
            }.OfType<RuleProblem>(),
            .. buttons.Select(b => columns.TooLong("Buttons", b, WhatsAppLimits.ButtonTitle, "a button title", Skipped, $"button '{b}'")).OfType<RuleProblem>(),
        ];
    }

    private static string? CheckButtons(string[] buttons, string? reply)
    {
        if (buttons.Length == 0)
        {
            return null;
        }

        if (buttons.Length > WhatsAppLimits.MaxButtons)
        {
            return $"Buttons has {buttons.Length} titles; WhatsApp allows at most {WhatsAppLimits.MaxButtons}";
        }

        if (buttons.Distinct(StringComparer.OrdinalIgnoreCase).Count() != buttons.Length)
        {
            return "Buttons repeats a title; WhatsApp needs them distinct";
        }

        return reply is null ? "Buttons need a Reply or QuickReply as the message text" : null;
    }

    /// <summary>Case-insensitive and blind to spaces, dashes and underscores: <c>Hand-off</c>, <c>OPT_OUT</c>.</summary>
    private static bool TryParse<T>(string? text, T fallback, out T value)
        where T : struct, Enum
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        var squeezed = new string([.. text.Where(char.IsLetterOrDigit)]);
        if (squeezed.Length > 0 && !char.IsDigit(squeezed[0]) && Enum.TryParse(squeezed, ignoreCase: true, out value) && Enum.IsDefined(value))
        {
            return true;
        }

        value = fallback;
        return false;
    }
}

namespace Frontdesk.Core.Rules;

/// <summary>
/// One Rules row. Strict: any doubt about what the rule would do skips the whole row with a problem, because a
/// half-understood rule answering customers is worse than a missing one.
/// </summary>
internal static class RuleCompiler
{
    private const int MaxListRowId = 200;

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
        if (menuTitle?.Length > MessageLimits.ListRowTitle)
        {
            Fail($"MenuTitle has {menuTitle.Length} characters, more than the {MessageLimits.ListRowTitle} a list row allows");
            return null;
        }

        if (menuDescription?.Length > MessageLimits.ListRowDescription)
        {
            Fail($"MenuDescription has {menuDescription.Length} characters, more than the {MessageLimits.ListRowDescription} a list row allows");
            return null;
        }

        if (menuTitle is not null && row.RowKey.Length > MaxListRowId)
        {
            Fail($"the RowKey is the menu row's id, which WhatsApp limits to {MaxListRowId} characters; shorten the rule's name");
            return null;
        }

        if (matcher.Keywords.Count == 0 && menuTitle is null)
        {
            Fail("it has neither Keywords nor a MenuTitle, so nothing can trigger it");
            return null;
        }

        var reply = columns.Text("Reply");
        var quickReply = columns.Text("QuickReply");
        if (reply is null && quickReply is not null)
        {
            if (!quickReplies.TryGetValue(quickReply, out reply))
            {
                Fail($"QuickReply '{quickReply}' is not a RowKey of QuickReplies (or that row has a problem)");
                return null;
            }
        }

        var buttons = (columns.Text("Buttons") ?? string.Empty)
            .Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var buttonProblem = CheckButtons(buttons, reply);
        if (buttonProblem is not null)
        {
            Fail(buttonProblem);
            return null;
        }

        var limit = buttons.Length > 0 ? MessageLimits.ButtonsBody : MessageLimits.TextBody;
        if (reply?.Length > limit)
        {
            Fail($"the reply has {reply.Length} characters, more than the {limit} a {(buttons.Length > 0 ? "message with buttons" : "text message")} allows");
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

    private static string? CheckButtons(string[] buttons, string? reply)
    {
        if (buttons.Length == 0)
        {
            return null;
        }

        if (buttons.Length > MessageLimits.MaxButtons)
        {
            return $"Buttons has {buttons.Length} titles; WhatsApp allows at most {MessageLimits.MaxButtons}";
        }

        if (buttons.FirstOrDefault(b => b.Length > MessageLimits.ButtonTitle) is { } tooLong)
        {
            return $"button '{tooLong}' has {tooLong.Length} characters, more than the {MessageLimits.ButtonTitle} a button title allows";
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

using Frontdesk.Core.Limits;

namespace Frontdesk.Core.Rules;

/// <summary>
/// Turns the rows of Settings, Hours, Rules, QuickReplies, Components and Templates for one number into a <see cref="RuleBook"/>. Rows under
/// PartitionKey <c>default</c> apply where the number has no row of its own under that RowKey. A bad row is left out
/// with a <see cref="RuleProblem"/>; everything else keeps working.
/// </summary>
public static class RuleBookCompiler
{
    public const string DefaultPartition = Identifiers.PhoneNumberId.DefaultPartition;

    public const string SettingsRowKey = "business";

    public static RuleBook Compile(string phoneNumberId, IEnumerable<TableRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<RuleProblem>();
        var effective = Effective(phoneNumberId, rows);
        List<TableRow> Of(RuleTable table) => [.. effective.Where(r => r.Table == table)];

        TableRow? business = null;
        foreach (var row in Of(RuleTable.Settings))
        {
            if (row.RowKey.Trim().Equals(SettingsRowKey, StringComparison.OrdinalIgnoreCase))
            {
                business = row;
            }
            else
            {
                problems.Add(new ColumnReader(row).Problem($"Settings has one row, RowKey '{SettingsRowKey}'; RowKey '{row.RowKey}' is ignored"));
            }
        }

        var settings = SettingsCompiler.Compile(business, problems);
        var hours = HoursCompiler.Compile(Of(RuleTable.Hours), settings.TimeZone, problems);
        var quickReplies = QuickReplies(Of(RuleTable.QuickReplies), problems);
        var rules = Of(RuleTable.Rules)
            .Select(r => RuleCompiler.Compile(r, quickReplies, problems))
            .OfType<ReplyRule>()
            .OrderBy(r => r.Priority)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var components = ComponentsCompiler.Compile(Of(RuleTable.Components), rules, problems);
        var templates = TemplatesCompiler.Compile(Of(RuleTable.Templates), problems);
        var book = new RuleBook(phoneNumberId, settings, hours, rules, quickReplies, problems) { Components = components, Templates = templates };
        CheckMenu(book, effective, problems);
        return book;
    }

    /// <summary>The number's rows, plus <c>default</c> rows whose RowKey the number does not have (RowKeys compared ignoring case).</summary>
    private static List<TableRow> Effective(string phoneNumberId, IEnumerable<TableRow> rows)
    {
        var all = rows.ToList();
        var own = all.Where(r => r.PartitionKey == phoneNumberId && phoneNumberId != DefaultPartition).ToList();
        var ownKeys = own.Select(r => (r.Table, r.RowKey.Trim().ToUpperInvariant())).ToHashSet();
        var defaults = all.Where(r => r.PartitionKey.Equals(DefaultPartition, StringComparison.OrdinalIgnoreCase)
                                      && !ownKeys.Contains((r.Table, r.RowKey.Trim().ToUpperInvariant())));
        return [.. own, .. defaults];
    }

    private static Dictionary<string, string> QuickReplies(IEnumerable<TableRow> rows, List<RuleProblem> problems)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var columns = new ColumnReader(row);
            var text = columns.Text("Text");
            if (text is null)
            {
                problems.Add(columns.Problem("Text is empty; quick reply skipped"));
            }
            else if (columns.TooLong("Text", text, WhatsAppLimits.TextBody, "a text message", "quick reply skipped") is { } tooLong)
            {
                problems.Add(tooLong);
            }
            else if (!map.TryAdd(row.RowKey.Trim(), text))
            {
                problems.Add(columns.Problem("another quick reply has the same shortcut; quick reply skipped"));
            }
        }

        return map;
    }

    private static void CheckMenu(RuleBook book, List<TableRow> rows, List<RuleProblem> problems)
    {
        var withTitle = book.Rules.Where(r => r.MenuTitle is not null).ToList();
        foreach (var extra in withTitle.Skip(WhatsAppLimits.MaxListRows))
        {
            var row = rows.First(r => r.Table == RuleTable.Rules && r.RowKey == extra.Name);
            problems.Add(new ColumnReader(row).Problem($"the menu already has {WhatsAppLimits.MaxListRows} rows (WhatsApp's limit); this rule still answers its keywords but is not in the menu"));
        }

        var wantsMenu = book.Settings.GreetingShowsMenu || book.Rules.Any(r => r.Action == RuleAction.Menu);
        if (wantsMenu && !book.HasMenu)
        {
            var settingsRow = rows.FirstOrDefault(r => r.Table == RuleTable.Settings && r.RowKey.Trim().Equals(SettingsRowKey, StringComparison.OrdinalIgnoreCase));
            problems.Add(new RuleProblem(
                nameof(RuleTable.Settings),
                settingsRow?.PartitionKey ?? book.PhoneNumberId,
                settingsRow?.RowKey ?? SettingsRowKey,
                "a menu is asked for (GreetingShowsMenu or a rule with Action menu) but MenuText is empty or no rule has a MenuTitle; no menu is sent"));
        }
    }
}

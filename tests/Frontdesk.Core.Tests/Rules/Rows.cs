using Frontdesk.Core.Rules;

namespace Frontdesk.Core.Tests.Rules;

/// <summary>Builds table rows the way people type them in the portal.</summary>
internal static class Rows
{
    public const string Number = "1234567890";

    public static TableRow Settings(params (string Name, object? Value)[] columns) => Row(RuleTable.Settings, "business", columns);

    public static TableRow Hours(string rowKey, string hours, string? note = null) =>
        note is null ? Row(RuleTable.Hours, rowKey, ("Hours", hours)) : Row(RuleTable.Hours, rowKey, ("Hours", hours), ("Note", note));

    public static TableRow Rule(string name, params (string Name, object? Value)[] columns) => Row(RuleTable.Rules, name, columns);

    public static TableRow QuickReply(string shortcut, string text) => Row(RuleTable.QuickReplies, shortcut, ("Text", text));

    public static TableRow Row(RuleTable table, string rowKey, params (string Name, object? Value)[] columns) =>
        new(table, Number, rowKey, columns.ToDictionary(c => c.Name, c => c.Value));

    public static TableRow InDefault(this TableRow row) => row with { PartitionKey = "default" };

    public static RuleBook Compile(params TableRow[] rows) => RuleBookCompiler.Compile(Number, rows);
}

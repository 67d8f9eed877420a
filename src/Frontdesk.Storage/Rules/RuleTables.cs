using Azure.Data.Tables;

namespace Frontdesk.Storage.Rules;

/// <summary>The rule tables (and Components and Templates), taken once; tests give them prefixed names on a shared Azurite.</summary>
public sealed record RuleTables(TableClient Settings, TableClient Hours, TableClient Rules, TableClient QuickReplies, TableClient Components, TableClient Templates)
{
    public static RuleTables From(TableServiceClient service, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(service);
        return new(
            service.GetTableClient(prefix + StorageNames.Tables.Settings),
            service.GetTableClient(prefix + StorageNames.Tables.Hours),
            service.GetTableClient(prefix + StorageNames.Tables.Rules),
            service.GetTableClient(prefix + StorageNames.Tables.QuickReplies),
            service.GetTableClient(prefix + StorageNames.Tables.Components),
            service.GetTableClient(prefix + StorageNames.Tables.Templates));
    }

    public IEnumerable<(Core.Rules.RuleTable Table, TableClient Client)> All =>
    [
        (Core.Rules.RuleTable.Settings, Settings),
        (Core.Rules.RuleTable.Hours, Hours),
        (Core.Rules.RuleTable.Rules, Rules),
        (Core.Rules.RuleTable.QuickReplies, QuickReplies),
        (Core.Rules.RuleTable.Components, Components),
        (Core.Rules.RuleTable.Templates, Templates),
    ];
}

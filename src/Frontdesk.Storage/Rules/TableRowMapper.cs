using Azure.Data.Tables;
using Frontdesk.Core.Rules;

namespace Frontdesk.Storage.Rules;

/// <summary>Between table entities and the plain rows the rules compiler reads.</summary>
internal static class TableRowMapper
{
    private static readonly HashSet<string> s_systemColumns = new(StringComparer.OrdinalIgnoreCase)
    {
        "PartitionKey", "RowKey", "Timestamp", "odata.etag",
    };

    public static TableRow ToRow(RuleTable table, TableEntity entity) => new(
        table,
        entity.PartitionKey,
        entity.RowKey,
        entity.Where(p => !s_systemColumns.Contains(p.Key)).ToDictionary(p => p.Key, p => (object?)p.Value));

    public static TableEntity ToEntity(TableRow row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row.Columns)
        {
            entity[name] = value;
        }

        return entity;
    }
}

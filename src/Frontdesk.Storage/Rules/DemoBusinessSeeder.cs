using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Rules;

namespace Frontdesk.Storage.Rules;

/// <summary>
/// Writes <see cref="DemoBusiness"/> into the rule tables when all of them are empty, so a fresh local run answers
/// something. Never overwrites: rows are only added, and a row that appeared meanwhile wins. The caller (DevHost)
/// logs what was seeded and why.
/// </summary>
public sealed class DemoBusinessSeeder(RuleTables tables)
{
    /// <summary>The first rule table that holds a row (creating missing tables), or null when all are empty.</summary>
    public async Task<RuleTable?> FirstTableWithRowsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (_, client) in tables.All)
        {
            await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var (table, client) in tables.All)
        {
            await foreach (var page in client.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken)
                               .AsPages().ConfigureAwait(false))
            {
                if (page.Values.Count > 0)
                {
                    return table;
                }

                break;
            }
        }

        return null;
    }

    /// <returns>True when the demo rows were written; false when the tables already held rows.</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
    {
        if (await FirstTableWithRowsAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        var byTable = tables.All.ToDictionary(t => t.Table, t => t.Client);
        foreach (var group in DemoBusiness.Rows.GroupBy(r => r.Table))
        {
            await AddAllAsync(byTable[group.Key], [.. group.Select(TableRowMapper.ToEntity)], cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>One transaction per table (every demo row is in partition <c>default</c>); row by row if any row exists already.</summary>
    private static async Task AddAllAsync(TableClient table, IReadOnlyList<TableEntity> entities, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(entities.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)), cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException)
        {
            foreach (var entity in entities)
            {
                try
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException ex) when (ex.Status == 409)
                {
                    // Someone (another instance, a person) wrote this row first; theirs stays.
                }
            }
        }
    }
}

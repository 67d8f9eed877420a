using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage.Rules;

/// <summary>
/// Writes <see cref="DemoBusiness"/> into the rule tables when all four are empty, so a fresh local run answers
/// something. Never overwrites: rows are only added, and a row that appeared meanwhile wins.
/// </summary>
public sealed partial class DemoBusinessSeeder(RuleTables tables, ILogger<DemoBusinessSeeder> logger)
{
    /// <returns>True when the demo rows were written; false when the tables already held rows.</returns>
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken = default)
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
                    Log.NotSeeded(logger, table.ToString());
                    return false;
                }

                break;
            }
        }

        var byTable = tables.All.ToDictionary(t => t.Table, t => t.Client);
        var added = 0;
        foreach (var row in DemoBusiness.Rows)
        {
            try
            {
                await byTable[row.Table].AddEntityAsync(TableRowMapper.ToEntity(row), cancellationToken).ConfigureAwait(false);
                added++;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Someone (another instance, a person) wrote this row first; theirs stays.
            }
        }

        Log.Seeded(logger, added);
        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.DemoBusinessSeeded, LogLevel.Information, "Seeded the demo business: {Rows} rows under PartitionKey 'default'")]
        public static partial void Seeded(ILogger logger, int rows);

        [LoggerMessage(TelemetryEvents.DemoBusinessNotSeeded, LogLevel.Information, "Demo business not seeded: table {Table} already holds rows")]
        public static partial void NotSeeded(ILogger logger, string table);
    }
}

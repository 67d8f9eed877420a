using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Frontdesk.Core;
using Frontdesk.Core.Rules;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Frontdesk.Storage.Rules;

/// <summary>
/// Rule books read from the rule tables (Settings, Hours, Rules, QuickReplies, Components, Templates) (the number's partition and <c>default</c>), compiled, and kept per
/// number for <see cref="FrontdeskOptions.CacheSeconds"/>, so a busy number costs one query per table per interval, not per message.
/// </summary>
public sealed partial class TableRuleSource(
    RuleTables tables,
    TimeProvider timeProvider,
    IOptions<FrontdeskOptions> options,
    ILogger<TableRuleSource> logger) : IRuleSource
{
    private readonly ConcurrentDictionary<string, CachedBook> _cache = new(StringComparer.Ordinal);

    public async ValueTask<RuleBook> GetRuleBookAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumberId);
        var now = timeProvider.GetUtcNow();
        _cache.TryGetValue(phoneNumberId, out var cached);
        if (cached is not null && now < cached.Expires)
        {
            return cached.Book;
        }

        // Two messages missing the cache at once both read the tables: harmless, and simpler than a lock held across I/O.
        var rows = await ReadAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        var book = RuleBookCompiler.Compile(phoneNumberId, rows);

        // Only problems that are new since the last read are logged; the same typo every 30 s would bury everything else.
        var known = cached?.Book.Problems.ToHashSet() ?? [];
        foreach (var problem in book.Problems.Where(p => !known.Contains(p)))
        {
            Log.Problem(logger, problem.Table, problem.PartitionKey, problem.RowKey, problem.Problem);
        }

        _cache[phoneNumberId] = new CachedBook(book, now.AddSeconds(options.Value.CacheSeconds));
        return book;
    }

    public async ValueTask<RuleBook> ReadRuleBookAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phoneNumberId);
        var rows = await ReadAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
        return RuleBookCompiler.Compile(phoneNumberId, rows);
    }

    public async ValueTask<IReadOnlyList<RuleProblem>> ValidateAsync(string? phoneNumberId, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(phoneNumberId))
        {
            var rows = await ReadAsync(phoneNumberId, cancellationToken).ConfigureAwait(false);
            return Sorted(RuleBookCompiler.Compile(phoneNumberId, rows).Problems);
        }

        var all = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var numbers = all.Select(r => r.PartitionKey)
            .Where(pk => !pk.Equals(RuleBookCompiler.DefaultPartition, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Prepend(RuleBookCompiler.DefaultPartition);

        // A bad default row shows up under every number that inherits it; report it once.
        return Sorted(numbers.SelectMany(n => RuleBookCompiler.Compile(n, all).Problems).Distinct());
    }

    private static List<RuleProblem> Sorted(IEnumerable<RuleProblem> problems) =>
        [.. problems.OrderBy(p => p.Table, StringComparer.Ordinal).ThenBy(p => p.PartitionKey, StringComparer.Ordinal).ThenBy(p => p.RowKey, StringComparer.Ordinal)];

    private Task<List<TableRow>> ReadAsync(string phoneNumberId, CancellationToken cancellationToken) =>
        QueryAsync(PhoneNumberKey.PartitionOrDefaultFilter(phoneNumberId), cancellationToken);

    private Task<List<TableRow>> ReadAllAsync(CancellationToken cancellationToken) => QueryAsync(null, cancellationToken);

    private async Task<List<TableRow>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var rows = new List<TableRow>();
        foreach (var (table, client) in tables.All)
        {
            try
            {
                await foreach (var entity in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(TableRowMapper.ToRow(table, entity));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // A table nobody created yet holds no rows: the defaults apply.
            }
        }

        return rows;
    }


    private sealed record CachedBook(RuleBook Book, DateTimeOffset Expires);

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.RuleProblem, LogLevel.Warning, "Rule table {Table}, PartitionKey {PartitionKey}, RowKey {RowKey}: {Problem}")]
        public static partial void Problem(ILogger logger, string table, string partitionKey, string rowKey, string problem);
    }
}

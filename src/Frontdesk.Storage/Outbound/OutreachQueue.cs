using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Frontdesk.Core.Outreach;
using Frontdesk.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage.Outbound;

/// <summary>
/// Producer for <c>outreach-messages</c>, paced per number across every fan-out: a pacer row in <c>OutboundLedger</c>
/// (PartitionKey the number + <c>|pace</c>, RowKey <c>outreach</c>) holds the number's next free send slot. A batch
/// takes <c>count / messagesPerSecond</c> seconds of slots by one ETag-guarded write (re-read on conflict), then each
/// message is queued with the visibility delay of its slot. Two fan-outs on one number therefore queue one after the
/// other instead of side by side. The queue hides a message to the second; the sender's <see cref="SendSpacer"/> does
/// the rest.
/// </summary>
public sealed partial class OutreachQueue(
    QueueClient queue,
    QueueClient poison,
    TableClient ledger,
    QueueSignals signals,
    TimeProvider time,
    ILogger<OutreachQueue> logger) : IOutreachQueue
{
    /// <summary>Appended to the number's PartitionKey for its pacer row.</summary>
    public const string PacerSuffix = "|pace";

    public const string PacerRowKey = "outreach";

    /// <summary>The longest a queue message can stay hidden (Azure Storage's limit is 7 days).</summary>
    private static readonly TimeSpan s_maxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    private const int MaxConflicts = 20;
    private const int ParallelSends = 16;

    private readonly CreateOnce _createQueue = new(ct => queue.CreateIfNotExistsAsync(cancellationToken: ct));
    private readonly CreateOnce _createPoison = new(ct => poison.CreateIfNotExistsAsync(cancellationToken: ct));
    private readonly CreateOnce _createTable = new(ct => ledger.CreateIfNotExistsAsync(ct));

    /// <summary>The last pacer row this process wrote per number: the first write of a batch then needs no read.</summary>
    private readonly ConcurrentDictionary<string, (DateTimeOffset Next, ETag ETag)> _pacers = new(StringComparer.Ordinal);

    public async Task<DateTimeOffset> EnqueueAsync(IReadOnlyList<OutreachMessage> messages, double messagesPerSecond, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (!(messagesPerSecond > 0) || double.IsInfinity(messagesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(messagesPerSecond), messagesPerSecond, "The pace must be a positive number of messages per second.");
        }

        var last = time.GetUtcNow();
        if (messages.Count == 0)
        {
            return last;
        }

        await _createQueue.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var interval = TimeSpan.FromSeconds(1 / messagesPerSecond);
        foreach (var number in messages.GroupBy(m => m.PhoneNumberId, StringComparer.Ordinal))
        {
            var batch = number.ToList();
            var first = await TakeSlotsAsync(number.Key, batch.Count, interval, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, batch.Count),
                new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
                async (i, ct) => await SendAsync(batch[i], first + (interval * i) - now, ct).ConfigureAwait(false)).ConfigureAwait(false);
            var due = first + (interval * (batch.Count - 1));
            last = due > last ? due : last;
            Log.Queued(logger, batch.Count, number.Key, messagesPerSecond, first, due);
        }

        return last;
    }

    public async Task RetryAsync(OutreachMessage message, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _createQueue.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await SendAsync(message, delay, cancellationToken).ConfigureAwait(false);
    }

    public async Task MoveToPoisonAsync(OutreachMessage message, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _createPoison.EnsureAsync(cancellationToken).ConfigureAwait(false);
        // Kept for good (TTL -1) like the host's own poison messages: an operator decides what happens to them.
        await poison.SendMessageAsync(Serialize(message with { LastError = reason }), visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The number's next free slot as the pacer row says, for tests and operators.</summary>
    public async Task<DateTimeOffset?> NextFreeSlotAsync(string phoneNumberId, CancellationToken cancellationToken = default)
    {
        var row = await ledger.GetEntityIfExistsAsync<TableEntity>(PhoneNumberKey.Of(phoneNumberId) + PacerSuffix, PacerRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value?.GetDateTimeOffset("NextFree") : null;
    }

    /// <summary>Reserves <paramref name="count"/> slots of the number's schedule; returns the first.</summary>
    private async Task<DateTimeOffset> TakeSlotsAsync(string phoneNumberId, int count, TimeSpan interval, CancellationToken cancellationToken)
    {
        await _createTable.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = PhoneNumberKey.Of(phoneNumberId) + PacerSuffix;
        var known = _pacers.TryGetValue(phoneNumberId, out var cached) ? cached : ((DateTimeOffset Next, ETag ETag)?)null;
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var now = time.GetUtcNow();
            var first = known is { } k && k.Next > now ? k.Next : now;
            var entity = new TableEntity(partition, PacerRowKey) { ["NextFree"] = first + (interval * count), ["UpdatedAt"] = now };
            try
            {
                var response = known is { } current
                    ? await ledger.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)
                    : await ledger.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                _pacers[phoneNumberId] = (first + (interval * count), response.Headers.ETag ?? ETag.All);
                return first;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
            {
                // Another fan-out (or instance) took slots since: read where the schedule stands now.
                var row = await ledger.GetEntityIfExistsAsync<TableEntity>(partition, PacerRowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                known = row.HasValue && row.Value is { } found
                    ? (found.GetDateTimeOffset("NextFree") ?? DateTimeOffset.MinValue, found.ETag)
                    : null;
            }
        }

        throw new InvalidOperationException($"The pacer row of {phoneNumberId} kept changing; giving up so the caller retries.");
    }

    private async Task SendAsync(OutreachMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        TimeSpan? visibility = delay <= TimeSpan.Zero ? null : delay < s_maxDelay ? delay : s_maxDelay;
        await queue.SendMessageAsync(Serialize(message), visibility, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken).ConfigureAwait(false);
        if (visibility is null)
        {
            signals.Sent(queue.Name);
        }
    }

    internal static string Serialize(OutreachMessage message) =>
        JsonSerializer.Serialize(message, OutreachMessageJsonContext.Default.OutreachMessage);

    /// <summary>Reads a queue payload (what the trigger hands over after Base64 decoding).</summary>
    public static OutreachMessage Deserialize(string json) =>
        JsonSerializer.Deserialize(json, OutreachMessageJsonContext.Default.OutreachMessage)
        ?? throw new JsonException("The outreach queue message is JSON null.");

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.OutreachQueued, LogLevel.Information,
            "Queued {Count} outreach message(s) for {PhoneNumberId} at {MessagesPerSecond}/s: due from {First:u} to {Last:u}")]
        public static partial void Queued(ILogger logger, int count, string phoneNumberId, double messagesPerSecond, DateTimeOffset first, DateTimeOffset last);
    }
}

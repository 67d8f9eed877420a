using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Conversations;
using Frontdesk.Core.Webhooks.Events;

namespace Frontdesk.Storage.Conversations;

/// <summary>
/// <c>HandledMessages</c>: PartitionKey the UTC day of the message's own timestamp (the same for every redelivery,
/// and whole old days purge cheaply), RowKey the wamid. Columns an operator can read in the portal: <c>State</c>
/// (Sending, Handing, Dispatched), <c>Cursor</c> and <c>Outcomes</c> (how far the reply chain got: one letter per
/// settled reply, S sent, U maybe sent, F failed, Q handed to the queue), <c>WamId1</c>, <c>WamId2</c>…, <c>PhoneNumberId</c>,
/// <c>From</c>, <c>Decision</c> (which steps fired), and the JSON of the replies and contact, so a crash at any point
/// never loses or repeats a decision.
/// </summary>
/// <remarks>
/// A delivery decides first and claims by inserting the decided row (409: another delivery decided first, and its
/// row says what to do). Every later write is ETag-guarded and renews the lease, so of two deliveries only the one
/// holding the row writes; a delivery whose lease ran out finds its next write refused and stops. Rows whose RowKey
/// starts with <see cref="SentIndexPrefix"/> index the wamids Meta gave the chain's replies; each is written in one
/// transaction with the cursor move that records it (same partition), so the index costs no request of its own.
/// </remarks>
public sealed class HandledMessageLedger(TableClient table, TimeProvider time) : IHandledMessages
{
    public const string Sending = nameof(Sending);
    public const string Handing = nameof(Handing);
    public const string Dispatched = nameof(Dispatched);

    /// <summary>RowKey prefix of the sent-wamid index rows (a wamid's own characters never include <c>|</c>).</summary>
    public const string SentIndexPrefix = "sent|";

    /// <summary>
    /// How long a delivery may take between two writes of the row (one Graph call, at most
    /// <c>Outbound__AttemptTimeoutSeconds</c>, plus a few storage calls) before another delivery may take over.
    /// Short, so a message whose host died is carried on within seconds of its redelivery.
    /// </summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(20);

    private readonly CreateOnce _create = new(ct => table.CreateIfNotExistsAsync(ct));

    public async Task<HandledClaim> ClaimAsync(InboundMessage message, RecordedDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(decision);
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(message);
        var now = time.GetUtcNow();
        try
        {
            var entity = new TableEntity(partition, row)
            {
                ["State"] = Sending,
                ["Cursor"] = 0,
                ["Outcomes"] = "",
                ["LeaseUntil"] = now + Lease,
                ["PhoneNumberId"] = message.PhoneNumberId,
                ["From"] = message.From,
                ["ReceivedAt"] = now,
                ["DecidedAt"] = now,
                ["Decision"] = decision.Summary,
                ["Replies"] = JsonSerializer.Serialize(decision.Replies.ToList(), LedgerJsonContext.Default.ListOutboundMessage),
                ["Contact"] = JsonSerializer.Serialize(decision.Contact, LedgerJsonContext.Default.ContactState),
                ["ConsentBefore"] = decision.ConsentBefore,
            };
            var added = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new HandledClaim(message, HandledState.Claimed, added.Headers.ETag?.ToString(), decision, ChainProgress.Start);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another delivery of this wamid decided first: what it recorded decides.
        }

        var existing = (await table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        var version = existing.ETag.ToString();
        var state = existing.GetString("State");
        if (state == Dispatched)
        {
            return new HandledClaim(message, HandledState.Dispatched, version);
        }

        // The delivery that holds the lease may still be sending the chain.
        if (existing.GetDateTimeOffset("LeaseUntil") is { } lease && lease > now)
        {
            return new HandledClaim(message, HandledState.Busy, version);
        }

        // The delivery that held it died (or stalled past its lease): take its place, from its cursor.
        var taken = new TableEntity(partition, row) { ["LeaseUntil"] = now + Lease, ["TakenOverAt"] = now };
        try
        {
            var response = await table.UpdateEntityAsync(taken, existing.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            var progress = new ChainProgress(existing.GetInt32("Cursor") ?? 0, existing.GetString("Outcomes") ?? "");
            return new HandledClaim(message, state == Handing ? HandledState.Handing : HandledState.Decided, response.Headers.ETag?.ToString(), Read(existing), progress);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new HandledClaim(message, HandledState.Busy, version);
        }
    }

    public async Task<HandledClaim?> AdvanceAsync(HandledClaim claim, ChainProgress progress, SentReply? sent, bool handing = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(progress);
        var (partition, row) = Keys(claim.Message);
        var now = time.GetUtcNow();
        var finished = progress.Cursor >= (claim.Recorded?.Replies.Count ?? 0);
        var entity = new TableEntity(partition, row)
        {
            ["State"] = handing ? Handing : finished ? Dispatched : Sending,
            ["Cursor"] = progress.Cursor,
            ["Outcomes"] = progress.Outcomes,
            ["LeaseUntil"] = now + Lease,
        };
        if (finished && !handing)
        {
            entity["DispatchedAt"] = now;
        }

        if (sent is not null)
        {
            // The reply just settled is number Cursor (keys count from 1: {wamid}:1 is the first).
            entity["WamId" + progress.Cursor.ToString(CultureInfo.InvariantCulture)] = sent.WamId;
        }

        try
        {
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateMerge, entity, new ETag(claim.Version!)) };
            if (sent is not null)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, SentIndexPrefix + TableKey.Encode(sent.WamId))
                {
                    ["IdempotencyKey"] = sent.IdempotencyKey,
                    ["PhoneNumberId"] = claim.Message.PhoneNumberId,
                    ["To"] = sent.To,
                    ["SentAt"] = now,
                }));
            }

            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            var version = response.Value[0].Headers.ETag?.ToString();
            return claim with { Version = version, Progress = progress };
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            // Another delivery took the message over (our lease ran out): its word stands from here on.
            return null;
        }
    }

    /// <summary>Whether a chain sent from the inbox got <paramref name="wamId"/> from Meta, for a message of <paramref name="day"/>.</summary>
    public async Task<bool> WasSentAsync(DateTimeOffset day, string wamId, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Day(day), SentIndexPrefix + TableKey.Encode(wamId), ["IdempotencyKey"], cancellationToken).ConfigureAwait(false);
            return row.HasValue;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>
    /// The steps that decided a message (the <c>Decision</c> column, "step: detail → step: detail"), or null while
    /// it is undecided or unknown. <paramref name="timestamp"/> is the message's own, which names its partition.
    /// </summary>
    public async Task<string?> ReadDecisionAsync(DateTimeOffset timestamp, string messageId, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Day(timestamp), TableKey.Encode(messageId), ["Decision"], cancellationToken).ConfigureAwait(false);
            return row.HasValue ? row.Value!.GetString("Decision") : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var cutoff = Day(olderThan);
        var deleted = 0;
        var old = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        var batch = new List<TableEntity>();
        await foreach (var entity in old.ConfigureAwait(false))
        {
            // A transaction holds at most 100 entities of one partition.
            if (batch.Count == 100 || (batch.Count > 0 && batch[0].PartitionKey != entity.PartitionKey))
            {
                deleted += await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
            }

            batch.Add(entity);
        }

        return deleted + await DeleteAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DeleteAsync(List<TableEntity> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var count = batch.Count;
        await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken).ConfigureAwait(false);
        batch.Clear();
        return count;
    }

    private static RecordedDecision Read(TableEntity entity) =>
        new(
            JsonSerializer.Deserialize(entity.GetString("Replies") ?? "[]", LedgerJsonContext.Default.ListOutboundMessage) ?? [],
            JsonSerializer.Deserialize(entity.GetString("Contact") ?? "null", LedgerJsonContext.Default.ContactState)
                ?? throw new InvalidOperationException($"HandledMessages {entity.PartitionKey}/{entity.RowKey} is Decided but has no Contact."),
            entity.GetString("Decision") ?? "")
        {
            ConsentBefore = entity.GetBoolean("ConsentBefore"),
        };

    private static (string Partition, string Row) Keys(InboundMessage message) => (Day(message.Timestamp), TableKey.Encode(message.Id));

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

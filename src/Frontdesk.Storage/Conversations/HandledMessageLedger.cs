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
/// (Deciding, Decided, Dispatched), <c>PhoneNumberId</c>, <c>From</c>, <c>Decision</c> (which steps fired), and the
/// JSON of the replies and contact so a crash between deciding and queueing never loses or repeats a reply.
/// </summary>
public sealed class HandledMessageLedger(TableClient table, TimeProvider time) : IHandledMessages
{
    public const string Deciding = nameof(Deciding);
    public const string Decided = nameof(Decided);
    public const string Dispatched = nameof(Dispatched);

    /// <summary>How long a delivery may decide before another delivery of the same message may take over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    private readonly CreateOnce _create = new(ct => table.CreateIfNotExistsAsync(ct));

    public async Task<HandledClaim> ClaimAsync(InboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(message);
        var now = time.GetUtcNow();
        try
        {
            var entity = new TableEntity(partition, row)
            {
                ["State"] = Deciding,
                ["LeaseUntil"] = now + Lease,
                ["PhoneNumberId"] = message.PhoneNumberId,
                ["From"] = message.From,
                ["ReceivedAt"] = now,
            };
            var added = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new HandledClaim(message, HandledState.Claimed, added.Headers.ETag?.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Another delivery of this wamid got here first: what it recorded decides.
        }

        var existing = (await table.GetEntityAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        var version = existing.ETag.ToString();
        var state = existing.GetString("State");
        if (state == Dispatched)
        {
            return new HandledClaim(message, HandledState.Dispatched, version);
        }

        // Deciding or Decided: the delivery that holds the lease may still be deciding or queueing the replies.
        if (existing.GetDateTimeOffset("LeaseUntil") is { } lease && lease > now)
        {
            return new HandledClaim(message, HandledState.Busy, version);
        }

        // The delivery that held it died before deciding, or before queueing what it decided: take its place.
        existing["LeaseUntil"] = now + Lease;
        try
        {
            var taken = await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            var takenVersion = taken.Headers.ETag?.ToString();
            return state == Decided
                ? new HandledClaim(message, HandledState.Decided, takenVersion, Read(existing))
                : new HandledClaim(message, HandledState.Claimed, takenVersion);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return new HandledClaim(message, HandledState.Busy, version);
        }
    }

    public async Task<bool> RecordDecisionAsync(HandledClaim claim, RecordedDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(decision);
        var (partition, row) = Keys(claim.Message);
        var entity = new TableEntity(partition, row)
        {
            ["State"] = Decided,
            ["Decision"] = decision.Summary,
            ["Replies"] = JsonSerializer.Serialize(decision.Replies.ToList(), LedgerJsonContext.Default.ListOutboundMessage),
            ["Contact"] = JsonSerializer.Serialize(decision.Contact, LedgerJsonContext.Default.ContactState),
            ["DecidedAt"] = time.GetUtcNow(),

            // A whole lease to queue the replies before a redelivery may queue them again.
            ["LeaseUntil"] = time.GetUtcNow() + Lease,
        };
        try
        {
            var updated = await table.UpdateEntityAsync(entity, new ETag(claim.Version!), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return updated.Status is >= 200 and < 300;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    public async Task MarkDispatchedAsync(HandledClaim claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var (partition, row) = Keys(claim.Message);
        var entity = new TableEntity(partition, row) { ["State"] = Dispatched, ["DispatchedAt"] = time.GetUtcNow() };

        // Unconditional: every path here dispatches the one recorded decision, so the last writer is as right as the first.
        await table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
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
            entity.GetString("Decision") ?? "");

    private static (string Partition, string Row) Keys(InboundMessage message) => (Day(message.Timestamp), TableKey.Encode(message.Id));

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

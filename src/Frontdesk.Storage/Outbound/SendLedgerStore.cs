using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Messages;
using Frontdesk.Core.WhatsApp.Sending;

namespace Frontdesk.Storage.Outbound;

/// <summary>
/// The exactly-once send ledger in <c>OutboundLedger</c>: PartitionKey the business number, RowKey the reply's
/// idempotency key, <c>State</c> one of Sending, Sent, Failed, Unknown, Retryable.
/// </summary>
/// <remarks>
/// A claim is <c>AddEntity</c> (409: another delivery has the key) or an ETag-guarded move from Retryable to
/// Sending. A delivery that finds Sending cannot tell a concurrent sender from one that died after Meta accepted the
/// message, so it records Unknown and does not send: a missing reply is safer than a doubled one, and Unknown rows
/// are there for an operator to look at. The owner of a claim writes its outcome unconditionally, because it alone
/// knows what Meta answered (so Sent overwrites an Unknown a concurrent duplicate wrote).
/// Each accepted send also gets an index row, PartitionKey the number + <c>|sent</c>, RowKey the wamid Meta returned,
/// so an echo of it is recognised by one point read.
/// </remarks>
public sealed class SendLedgerStore(TableClient table, TimeProvider time) : ISendLedger, ISentMessageIndex
{
    /// <summary>Appended to the number's PartitionKey for the wamid index rows.</summary>
    public const string SentIndexSuffix = "|sent";

    public const string Sending = nameof(Sending);
    public const string Sent = nameof(Sent);
    public const string Failed = nameof(Failed);
    public const string Unknown = nameof(Unknown);
    public const string Retryable = nameof(Retryable);

    private const int MaxConflicts = 10;

    private readonly CreateOnce _create = new(ct => table.CreateIfNotExistsAsync(ct));

    public async Task<LedgerClaim> TryBeginAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(message);
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            try
            {
                var entity = Describe(message, Sending);
                entity["StartedAt"] = time.GetUtcNow();
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return LedgerClaim.Claimed;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Someone has the key: what they recorded decides.
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue || existing.Value is null)
            {
                continue;
            }

            var current = existing.Value;
            var state = current.GetString("State");
            var (next, claim) = state switch
            {
                Sent => (null, LedgerClaim.AlreadySent),
                Failed => (null, LedgerClaim.AlreadyFailed),
                Unknown => (null, LedgerClaim.AlreadyUnknown),
                Retryable => (Sending, LedgerClaim.Claimed),
                _ => (Unknown, LedgerClaim.FoundSending),
            };
            if (next is null)
            {
                return claim;
            }

            var update = new TableEntity(partition, row) { ["State"] = next, ["UpdatedAt"] = time.GetUtcNow() };
            if (claim == LedgerClaim.Claimed)
            {
                update["Attempt"] = message.Attempt;
                update["StartedAt"] = time.GetUtcNow();
            }
            else
            {
                update["Reason"] = "a later delivery found it still Sending: maybe sent, not resent";
            }

            try
            {
                await table.UpdateEntityAsync(update, current.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return claim;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed since read (its owner finished, or a concurrent duplicate claimed it): read again.
            }
        }

        throw new InvalidOperationException($"The ledger row {partition}/{row} kept changing; giving up so the queue retries.");
    }

    public async Task<LedgerClaim> TryResendUnknownAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var (partition, row) = Keys(message);
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            try
            {
                // Maybe sent from the inbox (the decision row is its ledger): this table has no row for it yet.
                var entity = Describe(message, Sending);
                entity["StartedAt"] = time.GetUtcNow();
                entity["Resent"] = true;
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return LedgerClaim.Claimed;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // A row exists: only Unknown (or a failed resend's Retryable) may be claimed for the resend.
            }

            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue || existing.Value is null)
            {
                continue;
            }

            var current = existing.Value;
            switch (current.GetString("State"))
            {
                case Sent:
                    return LedgerClaim.AlreadySent;
                case Failed:
                    return LedgerClaim.AlreadyFailed;
                case Sending:
                    return LedgerClaim.FoundSending;
            }

            var update = new TableEntity(partition, row) { ["State"] = Sending, ["Resent"] = true, ["StartedAt"] = time.GetUtcNow(), ["UpdatedAt"] = time.GetUtcNow() };
            try
            {
                await table.UpdateEntityAsync(update, current.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return LedgerClaim.Claimed;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Another check or the owner changed it meanwhile: read again.
            }
        }

        throw new InvalidOperationException($"The ledger row {partition}/{row} kept changing; giving up so the queue retries.");
    }

    public Task MarkSettledByStatusAsync(OutboundMessage message, string status, string? wamId, CancellationToken cancellationToken = default) =>
        status == "failed"
            ? WriteAsync(message, Failed, cancellationToken, ("WamId", wamId), ("Reason", $"maybe sent; Meta's status webhook said failed"), ("SettledBy", status))
            : WriteAsync(message, Sent, cancellationToken, ("WamId", wamId), ("SentAt", time.GetUtcNow()), ("SettledBy", status));

    public async Task MarkSentAsync(OutboundMessage message, string? wamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!string.IsNullOrEmpty(wamId))
        {
            // Index first: a crash between the two leaves an index row for a send the ledger still calls Sending,
            // which is true (Meta accepted it), never a Sent row whose echo would look like the owner typing.
            var index = new TableEntity(PhoneNumberKey.Of(message.PhoneNumberId) + SentIndexSuffix, TableKey.Encode(wamId))
            {
                ["IdempotencyKey"] = message.IdempotencyKey,
                ["To"] = message.To,
                ["SentAt"] = time.GetUtcNow(),
            };
            await table.UpsertEntityAsync(index, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        await WriteAsync(message, Sent, cancellationToken, ("WamId", wamId), ("SentAt", time.GetUtcNow())).ConfigureAwait(false);
    }

    public async Task<bool> WasSentByFrontdeskAsync(string phoneNumberId, string wamId, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(
                PhoneNumberKey.Of(phoneNumberId) + SentIndexSuffix, TableKey.Encode(wamId), select: ["IdempotencyKey"], cancellationToken: cancellationToken).ConfigureAwait(false);
            return row.HasValue;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No ledger table yet: nothing was ever sent.
            return false;
        }
    }

    public Task MarkFailedAsync(OutboundMessage message, WhatsAppError? error, string reason, CancellationToken cancellationToken = default) =>
        WriteAsync(message, Failed, cancellationToken, ("ErrorCode", error?.Code), ("ErrorTitle", error?.Title), ("Reason", reason));

    public Task MarkUnknownAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default) =>
        WriteAsync(message, Unknown, cancellationToken, ("Reason", reason));

    public Task ReleaseForRetryAsync(OutboundMessage message, string reason, CancellationToken cancellationToken = default) =>
        WriteAsync(message, Retryable, cancellationToken, ("Reason", reason));

    /// <summary>The row for a key, for tests and operators' tools.</summary>
    public async Task<TableEntity?> GetAsync(string phoneNumberId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PhoneNumberKey.Of(phoneNumberId), TableKey.Encode(idempotencyKey), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }

    private async Task WriteAsync(OutboundMessage message, string state, CancellationToken cancellationToken, params (string Name, object? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = Describe(message, state);
        foreach (var (name, value) in values)
        {
            entity[name] = value;
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    private TableEntity Describe(OutboundMessage message, string state)
    {
        var (partition, row) = Keys(message);
        return new TableEntity(partition, row)
        {
            ["State"] = state,
            ["IdempotencyKey"] = message.IdempotencyKey,
            ["To"] = message.To,
            ["Kind"] = message.Kind.ToString(),
            ["RuleName"] = message.RuleName,
            ["InReplyTo"] = message.InReplyTo,
            ["Attempt"] = message.Attempt,
            ["UpdatedAt"] = time.GetUtcNow(),
        };
    }

    private static (string Partition, string Row) Keys(OutboundMessage message) =>
        (PhoneNumberKey.Of(message.PhoneNumberId), TableKey.Encode(message.IdempotencyKey));
}

using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.Telemetry;
using Frontdesk.Core.Webhooks.Events;
using Frontdesk.Core.WhatsApp.Graph;
using Frontdesk.Core.WhatsApp.Sending;
using Microsoft.Extensions.Logging;

namespace Frontdesk.Storage.Outbound;

/// <summary>
/// Delivery statuses in <c>OutboundStatuses</c>: PartitionKey the business number, RowKey the outbound wamid. Meta
/// delivers statuses out of order and more than once, so a status is written only when it ranks above the row's
/// (sent &lt; delivered &lt; read &lt; played &lt; failed), by insert-if-absent or an ETag-guarded update, re-read on
/// conflict.
/// </summary>
/// <remarks>
/// The first status of a wamid whose <c>biz_opaque_callback_data</c> names a Frontdesk key also writes a row keyed by
/// that key (RowKey <see cref="KeyRowPrefix"/> + key), in the same transaction as the wamid's row, so a send whose
/// answer was lost is found by its key (<see cref="ISendStatusIndex"/>) at no extra cost per status.
/// </remarks>
public sealed partial class OutboundStatusStore(TableClient table, TimeProvider time, ILogger<OutboundStatusStore> logger) : IStatusStore, ISendStatusIndex
{
    /// <summary>RowKey prefix of the rows that find a status by the idempotency key it carried.</summary>
    public const string KeyRowPrefix = "key|";

    private const int MaxConflicts = 10;

    private readonly CreateOnce _create = new(ct => table.CreateIfNotExistsAsync(ct));

    /// <summary>The order statuses move in; failed is terminal; a status Meta adds later ranks 0 and never overrides.</summary>
    public static int Rank(string status) => status switch
    {
        "sent" => 1,
        "delivered" => 2,
        "read" => 3,
        "played" => 4,
        "failed" => 10,
        _ => 0,
    };

    public async Task<StatusApplyResult> ApplyAsync(StatusUpdate status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(status);
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var partition = PhoneNumberKey.Of(status.PhoneNumberId);
        var row = TableKey.Encode(status.MessageId);
        var rank = Rank(status.Status);
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            var entity = Describe(partition, row, status, rank);
            try
            {
                if (!existing.HasValue || existing.Value is null)
                {
                    await InsertAsync(partition, entity, status, cancellationToken).ConfigureAwait(false);
                }
                else if (rank <= (existing.Value.GetInt32("Rank") ?? 0))
                {
                    Log.Stale(logger, status.MessageId, status.Status, existing.Value.GetString("Status"));
                    return StatusApplyResult.Stale;
                }
                else
                {
                    await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is RequestFailedException { Status: 409 or 412 } or TableTransactionFailedException { Status: 409 or 412 })
            {
                // Another status for this wamid landed first: compare against it.
                continue;
            }

            if (status.Status == "failed")
            {
                var error = status.Errors.FirstOrDefault();
                Log.Failed(logger, error?.Code, error?.Title, status.PhoneNumberId, status.MessageId, status.RecipientId, error?.Details);
            }

            return StatusApplyResult.Applied;
        }

        throw new InvalidOperationException($"The status row {partition}/{row} kept changing; giving up so the queue retries.");
    }

    public async Task<KeyedStatus?> FindByKeyAsync(string phoneNumberId, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(
                PhoneNumberKey.Of(phoneNumberId), KeyRowPrefix + TableKey.Encode(idempotencyKey), ["Status", "WamId"], cancellationToken).ConfigureAwait(false);
            return row.HasValue && row.Value is { } found && found.GetString("Status") is { } name && found.GetString("WamId") is { } wamId
                ? new KeyedStatus(name, wamId)
                : null;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No status table yet: no status ever came.
            return null;
        }
    }

    /// <summary>The wamid's first row, with its key row when the status names a Frontdesk key (one transaction).</summary>
    private async Task InsertAsync(string partition, TableEntity entity, StatusUpdate status, CancellationToken cancellationToken)
    {
        var data = status.BizOpaqueCallbackData;
        if (!GraphRequestBuilder.IsOwnCallback(data) || data!.Length == GraphRequestBuilder.CallbackPrefix.Length)
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return;
        }

        var key = data[GraphRequestBuilder.CallbackPrefix.Length..];
        var keyRow = new TableEntity(partition, KeyRowPrefix + TableKey.Encode(key))
        {
            ["IdempotencyKey"] = key,
            ["WamId"] = status.MessageId,
            ["Status"] = status.Status,
            ["StatusAt"] = status.Timestamp,
        };
        await table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, entity), new TableTransactionAction(TableTransactionActionType.UpsertReplace, keyRow)],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The row for a wamid, for tests and operators' tools.</summary>
    public async Task<TableEntity?> GetAsync(string phoneNumberId, string wamId, CancellationToken cancellationToken = default)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(PhoneNumberKey.Of(phoneNumberId), TableKey.Encode(wamId), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? row.Value : null;
    }

    private TableEntity Describe(string partition, string row, StatusUpdate status, int rank)
    {
        var error = status.Errors.FirstOrDefault();
        return new TableEntity(partition, row)
        {
            ["WamId"] = status.MessageId,
            ["Status"] = status.Status,
            ["Rank"] = rank,
            ["StatusAt"] = status.Timestamp,
            ["RecipientId"] = status.RecipientId,
            ["ErrorCode"] = error?.Code,
            ["ErrorTitle"] = error?.Title,
            ["ErrorMessage"] = error?.Message,
            ["ErrorDetails"] = error?.Details,
            ["UpdatedAt"] = time.GetUtcNow(),
        };
    }

    private static partial class Log
    {
        [LoggerMessage(TelemetryEvents.SendFailed, LogLevel.Error, "Meta reported a send failed: code {MetaErrorCode} {MetaErrorTitle}, {PhoneNumberId} wamid {WamId} to {RecipientId}: {Details}")]
        public static partial void Failed(ILogger logger, int? metaErrorCode, string? metaErrorTitle, string phoneNumberId, string wamId, string? recipientId, string? details);

        [LoggerMessage(TelemetryEvents.StatusStale, LogLevel.Debug, "Status {Status} for {WamId} ignored: the message is already {CurrentStatus}")]
        public static partial void Stale(ILogger logger, string wamId, string status, string? currentStatus);
    }
}

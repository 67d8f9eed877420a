using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Frontdesk.Core.PhoneConsole;
using Frontdesk.Core.WhatsApp.Messages;

namespace Frontdesk.Storage.PhoneConsole;

/// <summary>
/// <c>ConsoleOutbox</c>: a test contact's conversation, PartitionKey <c>{phone_number_id}_{wa_id}</c>, RowKey
/// <c>in-{wamid}</c> for what the customer sent and <c>out-{idempotency key}</c> for each reply and read receipt
/// (so a repeat overwrites its row). Columns: <c>Direction</c>, <c>At</c>, <c>Sequence</c> (arrival order),
/// <c>Type</c>, <c>Json</c>, and <c>WamId</c>.
/// </summary>
public sealed class ConsoleOutboxStore(TableClient table, TimeProvider time) : IConsoleOutbox
{
    private const string In = "in";
    private const string Out = "out";

    private readonly CreateOnce _create = new(ct => table.CreateIfNotExistsAsync(ct));

    public async Task StoreAsync(OutboundMessage message, string? wamId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = Row(message.PhoneNumberId, message.To, Out, message.IdempotencyKey);
        entity["Type"] = message.Body.GetType().Name;
        entity["Json"] = JsonSerializer.Serialize(message with { Then = [] }, OutboundMessageJsonContext.Default.OutboundMessage);
        entity["WamId"] = wamId;
        await UpsertAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps the console's copy of what the customer sent, before it goes to the inbox. <paramref name="at"/> is the
    /// message's own timestamp, which also finds its decision in <c>HandledMessages</c>.
    /// </summary>
    public async Task RecordInboundAsync(string phoneNumberId, string waId, string messageId, DateTimeOffset at, ConsoleMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var entity = Row(phoneNumberId, waId, In, messageId);
        entity["At"] = at;
        entity["Type"] = message.Type;
        entity["Json"] = JsonSerializer.Serialize(message, ConsoleJsonContext.Default.ConsoleMessage);
        entity["WamId"] = messageId;
        await UpsertAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The conversation in arrival order; empty for a contact the console never spoke for.</summary>
    public async Task<IReadOnlyList<ConsoleEntry>> ReadAsync(string phoneNumberId, string waId, CancellationToken cancellationToken = default)
    {
        var entries = new List<ConsoleEntry>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(phoneNumberId, waId)}");
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                entries.Add(ToEntry(entity));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No ConsoleOutbox table yet: nobody has used the console.
        }

        return [.. entries.OrderBy(e => e.Sequence)];
    }

    private static ConsoleEntry ToEntry(TableEntity entity)
    {
        var json = entity.GetString("Json") ?? "{}";
        var at = entity.GetDateTimeOffset("At") ?? entity.Timestamp ?? DateTimeOffset.MinValue;
        var sequence = entity.GetInt64("Sequence") ?? 0;
        var id = entity.GetString("WamId") ?? entity.RowKey;
        return entity.GetString("Direction") == In
            ? new ConsoleEntry(id, at, sequence, JsonSerializer.Deserialize(json, ConsoleJsonContext.Default.ConsoleMessage), null)
            : new ConsoleEntry(id, at, sequence, null, JsonSerializer.Deserialize(json, OutboundMessageJsonContext.Default.OutboundMessage));
    }

    private TableEntity Row(string phoneNumberId, string waId, string direction, string key) => new(Partition(phoneNumberId, waId), TableKey.Encode($"{direction}-{key}"))
    {
        ["Direction"] = direction,
        ["At"] = time.GetUtcNow(),

        // Arrival order from the machine's clock on purpose: a test's frozen TimeProvider must not tie every row.
        ["Sequence"] = DateTime.UtcNow.Ticks,
    };

    private static string Partition(string phoneNumberId, string waId) => TableKey.Encode($"{phoneNumberId}_{waId}");

    private async Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        await _create.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}

using Azure.Data.Tables;

namespace Frontdesk.Storage.Catalogue;

/// <summary>
/// Up to 100 upserts of one partition: Azure's limits for an entity group transaction. Azurite accepts mixed
/// partitions in a batch and Azure rejects them, so the guard lives here rather than in a test against Azurite.
/// </summary>
internal sealed class PartitionBatch
{
    public const int MaxSize = 100;

    private PartitionBatch(string partitionKey, IReadOnlyList<TableEntity> entities)
    {
        PartitionKey = partitionKey;
        Entities = entities;
    }

    public string PartitionKey { get; }

    public IReadOnlyList<TableEntity> Entities { get; }

    public IEnumerable<TableTransactionAction> Actions =>
        Entities.Select(entity => new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));

    public static IEnumerable<PartitionBatch> Split(string partitionKey, IEnumerable<TableEntity> entities) =>
        entities.Chunk(MaxSize).Select(chunk => Create(partitionKey, chunk));

    public static PartitionBatch Create(string partitionKey, IReadOnlyList<TableEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count is 0 or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(nameof(entities), entities.Count, $"A batch holds 1 to {MaxSize} entities.");
        }

        if (entities.FirstOrDefault(entity => entity.PartitionKey != partitionKey) is { } stranger)
        {
            throw new InvalidOperationException(
                $"A batch must stay in one partition: '{stranger.PartitionKey}/{stranger.RowKey}' is not in '{partitionKey}'.");
        }

        return new PartitionBatch(partitionKey, entities);
    }
}

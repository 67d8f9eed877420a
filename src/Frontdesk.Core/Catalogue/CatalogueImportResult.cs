namespace Frontdesk.Core.Catalogue;

/// <summary>What an import did: rows added, updated, unchanged, and each rejected row with its line and reason.</summary>
public sealed record CatalogueImportResult(
    string PartitionKey,
    int Added,
    int Updated,
    int Unchanged,
    IReadOnlyList<RejectedRow> Rejected)
{
    public int RejectedCount => Rejected.Count;

    /// <summary>
    /// The SKUs written in stock that were out of stock or missing before: the restock detector's input. Not part
    /// of the answer's JSON.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlySet<string> BackInStock { get; init; } = new HashSet<string>();
}

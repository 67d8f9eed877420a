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
}

using Frontdesk.Core.Catalogue;

namespace Frontdesk.Storage.Catalogue;

/// <summary>An index with the version marker it was built from and when it was read.</summary>
internal sealed record CatalogueSnapshot(CatalogueIndex Index, string? Version, DateTimeOffset LoadedAt);
